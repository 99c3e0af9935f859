package dev.paperboy.subscription;

import java.net.http.HttpResponse;

import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
@TestPropertySource(properties = { "paperboy.subscription.limits.per-address-per-hour=2",
		"paperboy.subscription.limits.per-ip-per-minute=5" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void limitsSignUpsPerAddressAndPerClientWith429AndRetryAfter() {
		Browserless web = new Browserless(this.port);
		String form = "&" + SubscriptionSecurityTests.FORM;

		assertThat(web.postForm("/subscribe", "email=limited%40example.org" + form).statusCode()).isEqualTo(200);
		assertThat(web.postForm("/subscribe", "email=limited%40example.org" + form).statusCode()).isEqualTo(200);
		HttpResponse<String> third = web.postForm("/subscribe", "email=LIMITED%40example.org" + form);
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.headers().firstValueAsLong("Retry-After").orElseThrow()).isPositive();
		assertThat(third.body()).as("the form's answer is the HTML page").contains("</html>");

		assertThat(web.postForm("/subscribe", "email=other1%40example.org" + form).statusCode()).isEqualTo(200);
		assertThat(web.postForm("/subscribe", "email=other2%40example.org" + form).statusCode()).isEqualTo(200);
		HttpResponse<String> api = web.postJson("/api/v1/subscriptions", "{\"email\": \"other3@example.org\"}");
		assertThat(api.statusCode()).as("the fifth request per minute from one client is the last").isEqualTo(429);
		assertThat(api.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"status\":429");
	}

}
