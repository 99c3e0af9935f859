package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static dev.paperboy.delivery.bounce.WebhookRequests.required;
import static dev.paperboy.delivery.bounce.WebhookRequests.text;

/**
 * An Amazon SNS message as posted to an HTTP endpoint.
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or
 * {@code UnsubscribeConfirmation}
 * @param messageId the message's id
 * @param topicArn the topic it was published to
 * @param message the message itself (for SES, a JSON document)
 * @param timestamp when it was published
 * @param subject the subject of a notification, if it has one
 * @param subscribeUrl where to confirm a subscription
 * @param token the confirmation token
 * @param signatureVersion {@code 1} (SHA1withRSA) or {@code 2} (SHA256withRSA)
 * @param signature the base64 signature
 * @param signingCertUrl where the signing certificate is
 */
record SnsMessage(String type, String messageId, String topicArn, String message, String timestamp,
		@Nullable String subject, @Nullable String subscribeUrl, @Nullable String token, String signatureVersion,
		String signature, String signingCertUrl) {

	static final String NOTIFICATION = "Notification";

	static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";

	static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

	static SnsMessage parse(JsonNode node) {
		if (!node.isObject()) {
			throw WebhookException.malformed("The body is not an Amazon SNS message.");
		}
		String type = required(node, "Type");
		boolean notification = type.equals(NOTIFICATION);
		if (!notification && !type.equals(SUBSCRIPTION_CONFIRMATION) && !type.equals(UNSUBSCRIBE_CONFIRMATION)) {
			throw WebhookException.malformed("Type is not an Amazon SNS message type.");
		}
		return new SnsMessage(type, required(node, "MessageId"), required(node, "TopicArn"), required(node, "Message"),
				required(node, "Timestamp"), notification ? text(node, "Subject") : null,
				notification ? null : required(node, "SubscribeURL"), notification ? null : required(node, "Token"),
				required(node, "SignatureVersion"), required(node, "Signature"), required(node, "SigningCertURL"));
	}

	/**
	 * What SNS signed: the documented name and value pairs of the message's type, in byte
	 * order, each name and each value followed by a line feed.
	 * @return the bytes to verify the signature over
	 */
	byte[] stringToSign() {
		StringBuilder signed = new StringBuilder();
		append(signed, "Message", this.message);
		append(signed, "MessageId", this.messageId);
		if (this.type.equals(NOTIFICATION)) {
			append(signed, "Subject", this.subject);
		}
		else {
			append(signed, "SubscribeURL", this.subscribeUrl);
		}
		append(signed, "Timestamp", this.timestamp);
		if (!this.type.equals(NOTIFICATION)) {
			append(signed, "Token", this.token);
		}
		append(signed, "TopicArn", this.topicArn);
		append(signed, "Type", this.type);
		return signed.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void append(StringBuilder signed, String name, @Nullable String value) {
		if (value != null) {
			signed.append(name).append('\n').append(value).append('\n');
		}
	}

}
