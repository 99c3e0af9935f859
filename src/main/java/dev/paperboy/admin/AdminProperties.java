package dev.paperboy.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * Access to the admin API.
 *
 * @param apiToken the bearer token that grants the admin role (environment
 * {@code PAPERBOY_ADMIN_API_TOKEN}); at least 16 characters. Without one the admin API
 * refuses every request.
 */
@ConfigurationProperties("paperboy.admin")
@Validated
public record AdminProperties(
		@Nullable @Pattern(regexp = "|.{16,}", message = "must be at least 16 characters") String apiToken) {

	@Override
	public String toString() {
		// never log the token
		return "AdminProperties[apiToken="
				+ ((this.apiToken != null && !this.apiToken.isEmpty()) ? "(set)" : "(not set)") + "]";
	}

}
