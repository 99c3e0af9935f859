package dev.paperboy.delivery.bounce;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SendGrid's Signed Event Webhook, signed with a P-256 key made for the test.
 */
class SendGridWebhookTests extends WebhookTestContext {

	static final String EVENTS = """
			[{"email":"ada@example.org","timestamp":1763900000,"event":"bounce","type":"bounce",
			  "reason":"550 5.1.1 <ada@example.org>: Recipient address rejected","status":"5.1.1",
			  "sg_event_id":"ZHJvcC0x","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filter0001"},
			 {"email":"bob@example.org","timestamp":1763900000,"event":"bounce","type":"blocked",
			  "reason":"421 try again later","sg_event_id":"ZHJvcC0y"},
			 {"email":"carol@example.org","timestamp":1763900000,"event":"spamreport","sg_event_id":"ZHJvcC0z"},
			 {"email":"dave@example.org","timestamp":1763900000,"event":"dropped","reason":"Bounced Address",
			  "sg_event_id":"ZHJvcC00"},
			 {"email":"erin@example.org","timestamp":1763900000,"event":"delivered","response":"250 OK",
			  "sg_event_id":"ZHJvcC01"}]
			""";

	@Test
	void suppressesSignedBouncesAndSpamReports() {
		HttpResponse<String> response = post(EVENTS, now(), now());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"recorded\":4");
		assertThat(suppressed("ada@example.org")).isTrue();
		assertThat(suppressed("bob@example.org")).as("blocked: a soft bounce").isFalse();
		assertThat(suppressed("carol@example.org")).isTrue();
		assertThat(suppressed("dave@example.org")).isTrue();
		assertThat(suppressed("erin@example.org")).isFalse();
	}

	@Test
	void refusesABodyOtherThanTheOneSigned() {
		String signed = now();
		byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
		String signature = TestKeys.sign("SHA256withECDSA", SENDGRID_KEYS.getPrivate(),
				signed.getBytes(StandardCharsets.UTF_8), body);
		// The same JSON, spaced differently: a signature covers bytes, not meaning.
		byte[] respaced = EVENTS.replace("\"event\":\"bounce\"", "\"event\": \"bounce\"")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = post("/webhooks/sendgrid", respaced, SendGridSignatures.SIGNATURE_HEADER,
				signature, SendGridSignatures.TIMESTAMP_HEADER, signed);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(suppressed("ada@example.org")).isFalse();
		assertThat(events()).isZero();
	}

	@Test
	void refusesASignatureByAnotherKey() {
		String timestamp = now();
		byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
		String signature = TestKeys.sign("SHA256withECDSA", TestKeys.p256().getPrivate(),
				timestamp.getBytes(StandardCharsets.UTF_8), body);

		assertThat(post("/webhooks/sendgrid", body, SendGridSignatures.SIGNATURE_HEADER, signature,
				SendGridSignatures.TIMESTAMP_HEADER, timestamp)
			.statusCode()).isEqualTo(403);
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void refusesAStaleTimestamp() {
		String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond());

		HttpResponse<String> response = post(EVENTS, stale, stale);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("timestamp-tolerance");
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void refusesATimestampOtherThanTheOneSigned() {
		String signed = Long.toString(Instant.now().minus(Duration.ofMinutes(1)).getEpochSecond());

		assertThat(post(EVENTS, signed, now()).statusCode()).isEqualTo(403);
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void refusesUnsignedRequests() {
		assertThat(
				post("/webhooks/sendgrid", EVENTS.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")
					.statusCode())
			.isEqualTo(403);
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void answersSignedGarbageWithBadRequest() {
		assertThat(post("{\"email\":\"ada@example.org\",\"event\":\"bounce\"}", now(), now()).statusCode())
			.isEqualTo(400);
		assertThat(post("[{\"event\":\"bounce\"}]", now(), now()).body()).contains("email is missing");
		assertThat(events()).isZero();
	}

	@Test
	void refusesBodiesOverTheLimit() {
		String large = "[" + "{\"event\":\"delivered\",\"email\":\"ada@example.org\"},".repeat(30_000) + "{}]";

		assertThat(post(large, now(), now()).statusCode()).isEqualTo(413);
	}

	private HttpResponse<String> post(String events, String signedTimestamp, String sentTimestamp) {
		byte[] body = events.getBytes(StandardCharsets.UTF_8);
		String signature = TestKeys.sign("SHA256withECDSA", SENDGRID_KEYS.getPrivate(),
				signedTimestamp.getBytes(StandardCharsets.UTF_8), body);
		return post("/webhooks/sendgrid", body, "Content-Type", "application/json", SendGridSignatures.SIGNATURE_HEADER,
				signature, SendGridSignatures.TIMESTAMP_HEADER, sentTimestamp);
	}

	private static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

}
