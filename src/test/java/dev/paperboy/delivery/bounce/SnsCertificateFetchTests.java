package dev.paperboy.delivery.bounce;

import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.paperboy.StubHttpServer;
import dev.paperboy.delivery.DeliveryProperties;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Anyone can post a message naming a signing certificate URL: how often that makes the
 * service fetch one (a stub on loopback stands in for Amazon SNS).
 */
class SnsCertificateFetchTests {

	private static final KeyPair KEYS = TestKeys.rsa();

	private final StubHttpServer stub = new StubHttpServer();

	private final SnsSigner signer = new SnsSigner(KEYS.getPrivate());

	private final SnsSignatures signatures;

	SnsCertificateFetchTests() {
		DeliveryProperties properties = WebhookSettingsTests.bind(Map.of("paperboy.delivery.bounces.ses.topic-arns",
				SnsSigner.TOPIC, "paperboy.delivery.bounces.ses.cert-url-pattern",
				Pattern.quote(this.stub.baseUrl()) + "/[A-Za-z0-9._-]+\\.pem",
				"paperboy.delivery.bounces.ses.certificate-fetches-per-minute", "3"));
		this.signatures = new SnsSignatures(properties, new SnsClient(properties));
	}

	@AfterEach
	void close() {
		this.stub.close();
	}

	@Test
	void fetchesACertificateThatIsNotThereOnceAndRefusesEveryMessage() {
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(WebhookException.class).isThrownBy(() -> verify("/missing.pem"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY));
		}
		assertThat(this.stub.arrivals("/missing.pem")).hasSize(1);
	}

	@Test
	void fetchesSoManyCertificatesAMinuteAndRefusesTheRestUnverified() {
		for (int i = 0; i < 10; i++) {
			this.stub.enqueue("/cert-" + i + ".pem", certificate());
		}
		int refused = 0;
		for (int i = 0; i < 10; i++) {
			try {
				verify("/cert-" + i + ".pem");
			}
			catch (WebhookException ex) {
				assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				refused++;
			}
		}
		assertThat(this.stub.arrivals("/")).hasSizeLessThanOrEqualTo(6);
		assertThat(refused).isGreaterThanOrEqualTo(4);
		verify("/cert-0.pem");
		assertThat(this.stub.arrivals("/cert-0.pem")).as("a fetched certificate is kept").hasSize(1);
	}

	@Test
	void fetchesOneCertificateAtATime() {
		this.stub.enqueue("/slow.pem",
				new MockResponse.Builder().code(200)
					.body(TestKeys.pem(TestKeys.selfSigned(KEYS)))
					.headersDelay(2, TimeUnit.SECONDS)
					.build());
		this.stub.enqueue("/other.pem", certificate());
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> verify("/slow.pem"));
		await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !this.stub.arrivals("/slow.pem").isEmpty());

		assertThatExceptionOfType(WebhookException.class).isThrownBy(() -> verify("/other.pem"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
		slow.join();
		assertThat(this.stub.arrivals("/other.pem")).isEmpty();
	}

	private void verify(String path) {
		Map<String, String> message = this.signer.notification("{}", this.stub.baseUrl() + path, "2");
		this.signatures.verify(SnsMessage.parse(WebhookRequests.json(SnsSigner.json(message))));
	}

	private static MockResponse certificate() {
		return StubHttpServer.ok(TestKeys.pem(TestKeys.selfSigned(KEYS)), "application/x-x509-ca-cert");
	}

}
