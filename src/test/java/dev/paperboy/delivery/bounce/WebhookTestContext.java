package dev.paperboy.delivery.bounce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.StubHttpServer;
import dev.paperboy.delivery.Suppressions;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with every webhook configured, shared by the webhook tests (one
 * application context): SNS certificates come from a stub on loopback, and the keys are
 * made for this run.
 */
@PaperboyTest
abstract class WebhookTestContext {

	static final StubHttpServer stub = new StubHttpServer();

	static final KeyPair SNS_KEYS = TestKeys.rsa();

	static final KeyPair SENDGRID_KEYS = TestKeys.p256();

	static final String POSTMARK_USER = "postmark";

	static final String POSTMARK_PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void webhooks(DynamicPropertyRegistry registry) {
		registry.add("paperboy.delivery.bounces.ses.topic-arns", () -> SnsSigner.TOPIC);
		registry.add("paperboy.delivery.bounces.ses.cert-url-pattern",
				() -> Pattern.quote(stub.baseUrl()) + "/[A-Za-z0-9._-]+\\.pem");
		registry.add("paperboy.delivery.bounces.postmark.username", () -> POSTMARK_USER);
		registry.add("paperboy.delivery.bounces.postmark.password", () -> POSTMARK_PASSWORD);
		registry.add("paperboy.delivery.bounces.sendgrid.public-key",
				() -> Base64.getEncoder().encodeToString(SENDGRID_KEYS.getPublic().getEncoded()));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Suppressions suppressions;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clean() {
		stub.reset();
		DatabaseCleaner.clean(this.jdbc);
	}

	HttpResponse<String> post(String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	boolean suppressed(String address) {
		return this.suppressions.isSuppressed(address);
	}

	int events() {
		return this.jdbc.sql("select count(*) from bounce_event").query(Integer.class).single();
	}

}
