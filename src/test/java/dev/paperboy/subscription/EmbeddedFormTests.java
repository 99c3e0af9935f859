package dev.paperboy.subscription;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-up form embedded on another site calls the API across origins, when that site is
 * allowed.
 */
@PaperboyTest
@TestPropertySource(properties = "paperboy.subscription.allowed-origins=https://lab.example.org")
class EmbeddedFormTests {

	@LocalServerPort
	int port;

	@Test
	void allowsTheConfiguredSiteOnlyAndNoCredentials() {
		Browserless web = new Browserless(this.port);

		HttpResponse<String> allowed = web.send(preflight("https://lab.example.org"));
		HttpResponse<String> other = web.send(preflight("https://evil.example"));

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://lab.example.org");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpRequest.Builder preflight(String origin) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/subscriptions"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type");
	}

}
