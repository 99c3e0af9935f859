package dev.paperboy.delivery.bounce;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postmark's bounce and spam complaint webhooks behind HTTP Basic credentials.
 */
class PostmarkWebhookTests extends WebhookTestContext {

	@Test
	void suppressesAHardBounceWithTheRightCredentials() {
		HttpResponse<String> response = post(bounce("HardBounce", "ada@example.org"),
				basic(POSTMARK_USER, POSTMARK_PASSWORD));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(suppressed("ada@example.org")).isTrue();
		assertThat(this.jdbc.sql("select reason from suppression").query(String.class).single())
			.isEqualTo("hard bounce (postmark): HardBounce: smtp;550 5.1.1 The email account does not exist.");
	}

	@Test
	void refusesWrongOrMissingCredentials() {
		for (String authorization : new String[] { basic(POSTMARK_USER, "wrong password"),
				basic("someone", POSTMARK_PASSWORD), basic(POSTMARK_USER, POSTMARK_PASSWORD + "x"),
				"Bearer " + POSTMARK_PASSWORD, "Basic !!!", null }) {
			HttpResponse<String> response = post(bounce("HardBounce", "ada@example.org"), authorization);

			assertThat(response.statusCode()).as(authorization).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		}
		assertThat(suppressed("ada@example.org")).isFalse();
		assertThat(events()).isZero();
	}

	@Test
	void suppressesOnASpamComplaint() {
		String complaint = """
				{"RecordType":"SpamComplaint","MessageStream":"outbound","ID":43,"Type":"SpamComplaint",
				"TypeCode":512,"Name":"Spam complaint","MessageID":"00000000-0000-0000-0000-000000000000",
				"Details":"Test spam complaint details","Email":"ada@example.org","From":"papers@paperboy.test",
				"BouncedAt":"2026-11-23T16:33:54.9070259Z","Inactive":true,"CanActivate":false}""";

		assertThat(post(complaint, basic(POSTMARK_USER, POSTMARK_PASSWORD)).statusCode()).isEqualTo(200);

		assertThat(suppressed("ada@example.org")).isTrue();
	}

	@Test
	void suppressesAtTheThirdSoftBounce() {
		String authorization = basic(POSTMARK_USER, POSTMARK_PASSWORD);
		post(bounce("SoftBounce", "ada@example.org").replace("\"ID\":42", "\"ID\":1"), authorization);
		post(bounce("Transient", "ada@example.org").replace("\"ID\":42", "\"ID\":2"), authorization);
		assertThat(suppressed("ada@example.org")).isFalse();

		post(bounce("SoftBounce", "ada@example.org").replace("\"ID\":42", "\"ID\":3"), authorization);

		assertThat(suppressed("ada@example.org")).isTrue();
	}

	@Test
	void ignoresWhatSaysNothingAboutTheAddress() {
		String authorization = basic(POSTMARK_USER, POSTMARK_PASSWORD);

		assertThat(post(bounce("AutoResponder", "ada@example.org"), authorization).body()).contains("\"events\":0");
		assertThat(post("{\"RecordType\":\"Delivery\",\"Recipient\":\"ada@example.org\"}", authorization).statusCode())
			.isEqualTo(200);
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void answersMalformedRecordsWithBadRequest() {
		String authorization = basic(POSTMARK_USER, POSTMARK_PASSWORD);

		assertThat(post("[1, 2", authorization).statusCode()).isEqualTo(400);
		assertThat(post("{\"RecordType\":\"Bounce\",\"Type\":\"HardBounce\"}", authorization).body())
			.contains("Email is missing");
		assertThat(events()).isZero();
	}

	private HttpResponse<String> post(String body, String authorization) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (authorization != null)
				? post("/webhooks/postmark", bytes, "Content-Type", "application/json", "Authorization", authorization)
				: post("/webhooks/postmark", bytes, "Content-Type", "application/json");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String bounce(String type, String address) {
		return """
				{"RecordType":"Bounce","MessageStream":"outbound","ID":42,"Type":"%s","TypeCode":1,
				"Name":"Hard bounce","Tag":"digest","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483",
				"Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
				"Details":"smtp;550 5.1.1 The email account does not exist.","Email":"%s",
				"From":"papers@paperboy.test","BouncedAt":"2026-11-23T13:28:10.2735393-04:00","Inactive":true,
				"CanActivate":true,"Subject":"Your papers"}""".formatted(type, address);
	}

}
