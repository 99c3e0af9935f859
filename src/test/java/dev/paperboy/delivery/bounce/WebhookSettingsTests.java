package dev.paperboy.delivery.bounce;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.paperboy.delivery.DeliveryProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bounce settings as an operator meets them: defaults, every webhook off until
 * configured, the SNS certificate URL pattern, secrets kept out of logs.
 */
class WebhookSettingsTests {

	@Test
	void defaultsToThreeSoftBouncesWithinThirtyDays() {
		DeliveryProperties.BounceSettings bounces = bind(Map.of()).bounces();

		assertThat(bounces.softBounceLimit()).isEqualTo(3);
		assertThat(bounces.softBounceWindow()).isEqualTo(Duration.ofDays(30));
		assertThat(bounces.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(bounces.sendgrid().timestampTolerance()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void answersNotFoundUntilAWebhookIsConfigured() {
		DeliveryProperties properties = bind(Map.of());
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/any");
		request.setContent("{}".getBytes());

		assertThatExceptionOfType(WebhookException.class)
			.isThrownBy(() -> new SesWebhook(null, null, null, properties).receive(request))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatExceptionOfType(WebhookException.class)
			.isThrownBy(() -> new PostmarkWebhook(null, properties).receive(request))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatExceptionOfType(WebhookException.class)
			.isThrownBy(() -> new SendGridWebhook(null, properties).receive(request))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void needsBothPostmarkCredentials() {
		assertThat(bind(Map.of("paperboy.delivery.bounces.postmark.username", "postmark")).bounces()
			.postmark()
			.configured()).isFalse();
	}

	@Test
	void fetchesCertificatesOnlyOverHttpsFromAnSnsEndpoint() {
		Pattern pattern = Pattern.compile(bind(Map.of()).bounces().ses().certUrlPattern());

		assertThat("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem")
			.matches(pattern);
		assertThat("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem").matches(pattern);
		for (String elsewhere : new String[] { "http://sns.us-east-1.amazonaws.com/cert.pem",
				"https://sns.us-east-1.amazonaws.com.example.org/cert.pem",
				"https://sns.us-east-1.amazonaws.com@example.org/cert.pem",
				"https://example.org/sns.us-east-1.amazonaws.com/cert.pem",
				"https://sns.us-east-1.amazonaws.com:8443/cert.pem",
				"https://sns.us-east-1.amazonaws.com/cert.pem?.pem", "https://s3.amazonaws.com/bucket/cert.pem",
				"https://sns.us-east-1.amazonaws.com/cert.pem#x.pem" }) {
			assertThat(elsewhere).doesNotMatch(pattern);
		}
	}

	@Test
	void keepsThePostmarkPasswordOutOfLogs() {
		DeliveryProperties properties = bind(Map.of("paperboy.delivery.bounces.postmark.username", "postmark",
				"paperboy.delivery.bounces.postmark.password", "hunter2-secret"));

		assertThat(properties.toString()).contains("postmark").doesNotContain("hunter2-secret");
	}

	@Test
	void failsAtStartWithAKeyThatIsNotP256() {
		DeliveryProperties properties = bind(Map.of("paperboy.delivery.bounces.sendgrid.public-key", "bm90IGEga2V5"));

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new SendGridWebhook(null, properties))
			.withMessageContaining("paperboy.delivery.bounces.sendgrid.public-key");
	}

	static DeliveryProperties bind(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.put("paperboy.delivery.suppression-salt", "test-suppression-salt-0123456789");
		return new Binder(new MapConfigurationPropertySource(all)).bind("paperboy.delivery", DeliveryProperties.class)
			.get();
	}

}
