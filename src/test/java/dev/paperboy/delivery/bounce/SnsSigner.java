package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds Amazon SNS messages signed the way the SNS developer guide describes, for the
 * tests: the name and value pairs of the type in byte order, each followed by a line
 * feed.
 */
final class SnsSigner {

	static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:paperboy-bounces";

	private final PrivateKey key;

	SnsSigner(PrivateKey key) {
		this.key = key;
	}

	Map<String, String> notification(String message, String certUrl, String version) {
		return notification(message, certUrl, version, null);
	}

	Map<String, String> notification(String message, String certUrl, String version, String subject) {
		Map<String, String> fields = fields("Notification", message);
		if (subject != null) {
			fields.put("Subject", subject);
		}
		return signed(fields, certUrl, version, "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
	}

	Map<String, String> subscriptionConfirmation(String subscribeUrl, String certUrl) {
		Map<String, String> fields = fields("SubscriptionConfirmation", "You have chosen to subscribe to the topic "
				+ TOPIC + ".\nTo confirm the subscription, visit the " + "SubscribeURL included in this message.");
		fields.put("SubscribeURL", subscribeUrl);
		fields.put("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb7");
		return signed(fields, certUrl, "2", "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn",
				"Type");
	}

	static byte[] json(Map<String, String> message) {
		return JsonMapper.shared().writeValueAsBytes(message);
	}

	private Map<String, String> fields(String type, String message) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Type", type);
		fields.put("MessageId", UUID.randomUUID().toString());
		fields.put("TopicArn", TOPIC);
		fields.put("Message", message);
		fields.put("Timestamp", "2026-11-23T10:15:30.123Z");
		return fields;
	}

	private Map<String, String> signed(Map<String, String> fields, String certUrl, String version,
			String... signedNames) {
		StringBuilder stringToSign = new StringBuilder();
		for (String name : signedNames) {
			if (fields.containsKey(name)) {
				stringToSign.append(name).append('\n').append(fields.get(name)).append('\n');
			}
		}
		fields.put("SignatureVersion", version);
		fields.put("Signature", TestKeys.sign(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA", this.key,
				stringToSign.toString().getBytes(StandardCharsets.UTF_8)));
		fields.put("SigningCertURL", certUrl);
		fields.put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x");
		return fields;
	}

}
