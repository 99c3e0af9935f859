package dev.paperboy.subscription.web;

import dev.paperboy.subscription.SubscriptionProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the configured sites embed a sign-up form that calls the subscription API from the
 * browser. No credentials: the API needs no cookie, and links carry their own tokens.
 */
@Configuration(proxyBeanMethods = false)
class ApiCorsConfiguration implements WebMvcConfigurer {

	private final SubscriptionProperties properties;

	ApiCorsConfiguration(SubscriptionProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (!this.properties.allowedOrigins().isEmpty()) {
			registry.addMapping("/api/v1/subscriptions/**")
				.allowedOrigins(this.properties.allowedOrigins().toArray(String[]::new))
				.allowedMethods("GET", "POST", "PUT")
				.allowedHeaders("Content-Type")
				.allowCredentials(false)
				.maxAge(3600);
		}
	}

}
