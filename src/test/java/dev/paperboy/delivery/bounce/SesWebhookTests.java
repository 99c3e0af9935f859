package dev.paperboy.delivery.bounce;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.paperboy.StubHttpServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amazon SES notifications through Amazon SNS, signed with a key and certificate made for
 * the test and served by a stub standing in for SNS.
 */
class SesWebhookTests extends WebhookTestContext {

	static final String CERT = "/SimpleNotificationService-test.pem";

	final SnsSigner signer = new SnsSigner(SNS_KEYS.getPrivate());

	@ParameterizedTest
	@CsvSource({ "1,", "2,", "2,Amazon SES Email Event Notification" })
	void suppressesAPermanentBounce(String version, String subject) {
		serveCertificate(CERT);

		HttpResponse<String> response = post(
				this.signer.notification(bounce("Permanent", "ada@example.org"), certUrl(CERT), version, subject));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(suppressed("ada@example.org")).isTrue();
		assertThat(this.jdbc.sql("select reason from suppression").query(String.class).single())
			.isEqualTo("hard bounce (ses): Permanent/General: smtp; 550 5.1.1 <(address)>... User unknown");
	}

	@Test
	void refusesAMessageChangedAfterSigning() {
		serveCertificate(CERT);
		Map<String, String> message = this.signer.notification(bounce("Permanent", "ada@example.org"), certUrl(CERT),
				"2");
		message.put("Message", bounce("Permanent", "bob@example.org"));

		assertThat(post(message).statusCode()).isEqualTo(403);
		assertThat(suppressed("ada@example.org")).isFalse();
		assertThat(suppressed("bob@example.org")).isFalse();
		assertThat(events()).isZero();
	}

	@Test
	void neverFetchesACertificateOutsideThePattern() {
		serveCertificate("/cert.pem");
		String elsewhere = stub.baseUrl().replace("127.0.0.1", "localhost") + "/cert.pem";

		HttpResponse<String> response = post(
				this.signer.notification(bounce("Permanent", "ada@example.org"), elsewhere, "2"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("cert-url-pattern");
		assertThat(stub.arrivals("/")).isEmpty();
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void refusesAnUnknownTopic() {
		serveCertificate(CERT);
		Map<String, String> message = this.signer.notification(bounce("Permanent", "ada@example.org"), certUrl(CERT),
				"2");
		message.put("TopicArn", "arn:aws:sns:eu-west-1:999999999999:someone-else");

		HttpResponse<String> response = post(message);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("topic-arns");
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void refusesAnExpiredCertificate() {
		stub.enqueue("/expired.pem", ok(TestKeys.pem(TestKeys.selfSigned(SNS_KEYS,
				Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1)))), "text/plain"));

		HttpResponse<String> response = post(
				this.signer.notification(bounce("Permanent", "ada@example.org"), certUrl("/expired.pem"), "2"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("not valid now");
		assertThat(suppressed("ada@example.org")).isFalse();
	}

	@Test
	void fetchesEachCertificateOnce() {
		serveCertificate("/cached.pem");

		for (String address : new String[] { "ada@example.org", "bob@example.org" }) {
			assertThat(post(this.signer.notification(bounce("Permanent", address), certUrl("/cached.pem"), "2"))
				.statusCode()).isEqualTo(200);
		}

		assertThat(stub.arrivals("/cached.pem")).hasSize(1);
		assertThat(suppressed("bob@example.org")).isTrue();
	}

	@Test
	void countsATransientBounceOnceEvenWhenDeliveredTwice() {
		serveCertificate(CERT);
		Map<String, String> message = this.signer.notification(bounce("Transient", "ada@example.org"), certUrl(CERT),
				"2");

		assertThat(post(message).body()).contains("\"recorded\":1");
		assertThat(post(message).body()).contains("\"recorded\":0");

		assertThat(suppressed("ada@example.org")).isFalse();
		assertThat(this.jdbc.sql("select bounces from soft_bounce").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void suppressesOnAComplaint() {
		serveCertificate(CERT);
		String complaint = """
				{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"ada@example.org"}],
				"timestamp":"2026-11-23T10:15:30.000Z","feedbackId":"0100-abc","complaintFeedbackType":"abuse"},
				"mail":{"messageId":"0100-def","destination":["ada@example.org"]}}""";

		assertThat(post(this.signer.notification(complaint, certUrl(CERT), "2")).statusCode()).isEqualTo(200);

		assertThat(suppressed("ada@example.org")).isTrue();
	}

	@Test
	void confirmsASignedSubscription() {
		serveCertificate(CERT);
		stub.enqueue("/?Action=ConfirmSubscription", ok("<ConfirmSubscriptionResponse/>", "text/xml"));

		HttpResponse<String> response = post(this.signer.subscriptionConfirmation(
				stub.baseUrl() + "/?Action=ConfirmSubscription&TopicArn=" + SnsSigner.TOPIC + "&Token=2336",
				certUrl(CERT)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(stub.arrivals("/?Action=ConfirmSubscription")).hasSize(1);
	}

	@Test
	void confirmsSubscriptionsOnlyOnTheCertificatesHost() {
		serveCertificate(CERT);
		String elsewhere = stub.baseUrl().replace("127.0.0.1", "localhost") + "/?Action=ConfirmSubscription";

		assertThat(post(this.signer.subscriptionConfirmation(elsewhere, certUrl(CERT))).statusCode()).isEqualTo(403);
		assertThat(stub.arrivals("/?Action")).isEmpty();
	}

	@Test
	void answersMalformedMessagesWithBadRequest() {
		serveCertificate(CERT);

		assertThat(post("/webhooks/ses", "{not json".getBytes()).statusCode()).isEqualTo(400);
		assertThat(post("/webhooks/ses", "{\"Type\":\"Notification\"}".getBytes()).statusCode()).isEqualTo(400);
		HttpResponse<String> notSes = post(this.signer.notification("Hello world!", certUrl(CERT), "2"));
		assertThat(notSes.statusCode()).isEqualTo(400);
		assertThat(notSes.body()).contains("The SNS Message is not valid JSON");
		assertThat(events()).isZero();
	}

	private HttpResponse<String> post(Map<String, String> message) {
		return post("/webhooks/ses", SnsSigner.json(message), "Content-Type", "text/plain; charset=UTF-8",
				"x-amz-sns-message-type", message.get("Type"));
	}

	private static void serveCertificate(String path) {
		stub.enqueue(path, ok(TestKeys.pem(TestKeys.selfSigned(SNS_KEYS)), "application/x-x509-ca-cert"));
	}

	private static String certUrl(String path) {
		return stub.baseUrl() + path;
	}

	private static String bounce(String type, String address) {
		return """
				{"notificationType":"Bounce","bounce":{"bounceType":"%s","bounceSubType":"General",
				"bouncedRecipients":[{"emailAddress":"%s","action":"failed","status":"5.1.1",
				"diagnosticCode":"smtp; 550 5.1.1 <%s>... User unknown"}],"timestamp":"2026-11-23T10:15:30.000Z",
				"feedbackId":"0100-abc"},"mail":{"messageId":"0100-def","destination":["%s"]}}""".formatted(type,
				address, address, address);
	}

}
