package dev.paperboy.subscription;

import java.util.HashMap;
import java.util.Map;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.MailSample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Samples of the emails a sign-up sends (confirmation, already subscribed), for the
 * branding preview.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationSamples {

	@Bean
	@Order(2)
	MailSample confirmationSample(SubscriptionProperties properties) {
		return sample("confirmation", "Confirmation", Map.of("confirmUrl", properties.link("/confirm/sample"),
				"validHours", properties.confirmationValidity().toHours()), properties);
	}

	@Bean
	@Order(3)
	MailSample alreadySubscribedSample(SubscriptionProperties properties) {
		return sample("already-subscribed", "Already subscribed",
				Map.of("manageUrl", properties.link("/manage/sample")), properties);
	}

	private static MailSample sample(String template, String label, Map<String, Object> values,
			SubscriptionProperties properties) {
		return new MailSample() {

			@Override
			public String template() {
				return template;
			}

			@Override
			public String label() {
				return label;
			}

			@Override
			public Map<String, Object> variables(Brand brand) {
				Map<String, Object> variables = new HashMap<>(values);
				variables.put("siteUrl", properties.link("/"));
				variables.put("unsubscribeUrl", properties.link("/unsubscribe/sample"));
				variables.put("brand", brand);
				return variables;
			}

		};
	}

}
