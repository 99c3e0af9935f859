package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the bounce webhooks' parsing and SendGrid's signature check: a provider's body
 * gives reports for plausible addresses only, or is refused with a 4xx (nothing else is
 * thrown), an SNS message reads back unchanged, and only what was signed verifies. Seeds
 * are in {@code WebhookFuzzTestsInputs/}; see docs/reliability.md (Fuzzing).
 */
class WebhookFuzzTests {

	private static final KeyPair SENDGRID = TestKeys.p256();

	@FuzzTest(maxDuration = "30s")
	void sesNotificationsGiveReportsOfPlausibleAddresses(byte[] input) {
		assertReports(() -> SesNotifications.reports("event-1", new String(input, StandardCharsets.UTF_8)));
	}

	@FuzzTest(maxDuration = "30s")
	void postmarkRecordsGiveReportsOfPlausibleAddresses(byte[] input) {
		assertReports(() -> PostmarkWebhook.reports(WebhookRequests.json(input)));
	}

	@FuzzTest(maxDuration = "30s")
	void sendGridEventsGiveReportsOfPlausibleAddresses(byte[] input) {
		assertReports(() -> SendGridWebhook.reports(WebhookRequests.json(input)));
	}

	@FuzzTest(maxDuration = "30s")
	void snsMessagesReadBackUnchanged(byte[] input) {
		SnsMessage message;
		try {
			message = SnsMessage.parse(WebhookRequests.json(input));
		}
		catch (WebhookException ex) {
			assertThat(ex.status().is4xxClientError()).isTrue();
			return;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Type", message.type());
		fields.put("MessageId", message.messageId());
		fields.put("TopicArn", message.topicArn());
		fields.put("Message", message.message());
		fields.put("Timestamp", message.timestamp());
		fields.put("Subject", message.subject());
		fields.put("SubscribeURL", message.subscribeUrl());
		fields.put("Token", message.token());
		fields.put("SignatureVersion", message.signatureVersion());
		fields.put("Signature", message.signature());
		fields.put("SigningCertURL", message.signingCertUrl());
		SnsMessage again = SnsMessage.parse(WebhookRequests.json(JsonMapper.shared().writeValueAsBytes(fields)));
		assertThat(again).isEqualTo(message);
		assertThat(again.stringToSign()).isEqualTo(message.stringToSign());
	}

	@FuzzTest(maxDuration = "30s")
	void sendGridSignaturesVerifyOnlyWhatWasSigned(FuzzedDataProvider data) {
		String timestamp = Long.toString(data.consumeLong(0, 999_999_999_999L));
		byte[] changes = data.consumeBytes(8);
		byte[] body = data.consumeRemainingAsBytes();
		String signature = TestKeys.sign("SHA256withECDSA", SENDGRID.getPrivate(),
				timestamp.getBytes(StandardCharsets.US_ASCII), body);
		assertThat(SendGridSignatures.verifies(SENDGRID.getPublic(), signature, timestamp, body)).isTrue();
		byte[] changed = change(body, changes);
		if (!Arrays.equals(changed, body)) {
			assertThat(SendGridSignatures.verifies(SENDGRID.getPublic(), signature, timestamp, changed))
				.as("a changed body")
				.isFalse();
		}
		String otherTime = timestamp + ((changes.length > 0) ? Integer.toString(changes[0] & 7) : "0");
		assertThat(SendGridSignatures.verifies(SENDGRID.getPublic(), signature, otherTime, body))
			.as("another timestamp")
			.isFalse();
	}

	// Flips, inserts or drops a byte where the fuzzer says.
	private static byte[] change(byte[] body, byte[] changes) {
		if (changes.length < 3) {
			return body;
		}
		int at = Math.floorMod(changes[1], body.length + 1);
		return switch (Math.floorMod(changes[0], 3)) {
			case 0 -> {
				byte[] flipped = body.clone();
				if (at < body.length) {
					flipped[at] ^= (byte) ((changes[2] == 0) ? 1 : changes[2]);
				}
				yield flipped;
			}
			case 1 -> {
				byte[] inserted = new byte[body.length + 1];
				System.arraycopy(body, 0, inserted, 0, at);
				inserted[at] = changes[2];
				System.arraycopy(body, at, inserted, at + 1, body.length - at);
				yield inserted;
			}
			default -> (body.length == 0) ? body
					: Arrays.copyOfRange(body, (at < body.length) ? 1 : 0, body.length - ((at < body.length) ? 0 : 1));
		};
	}

	private static void assertReports(Supplier<List<Report>> reports) {
		List<Report> read;
		try {
			read = reports.get();
		}
		catch (WebhookException ex) {
			assertThat(ex.status().is4xxClientError()).as(ex.getMessage()).isTrue();
			return;
		}
		for (Report report : read) {
			String address = report.address();
			assertThat(address).hasSizeLessThanOrEqualTo(320).contains("@").doesNotStartWith("@").doesNotEndWith("@");
			assertThat(address.chars()).as(address)
				.noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c));
			assertThat(Report.address(address)).as("the address reads back unchanged").isEqualTo(address);
		}
	}

}
