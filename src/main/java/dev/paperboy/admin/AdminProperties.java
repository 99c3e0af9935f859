package dev.paperboy.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Access to the console and the admin API.
 *
 * @param apiToken the bootstrap bearer token that grants the admin role on the admin API
 * (environment {@code PAPERBOY_ADMIN_API_TOKEN}); at least 16 characters. Without one the
 * admin API takes only personal API tokens.
 * @param initialUsername the first console admin's user name, created when there is no
 * console user yet
 * @param initialPassword that admin's password (environment
 * {@code PAPERBOY_ADMIN_INITIAL_PASSWORD}), at least 12 characters; the embedded mode
 * generates one, prints it once and keeps it in {@code data/secrets.properties}. Without
 * one and without any console user, the start fails.
 */
@ConfigurationProperties("paperboy.admin")
@Validated
public record AdminProperties(
		@Nullable @Pattern(regexp = "|.{16,}", message = "must be at least 16 characters") String apiToken,
		@DefaultValue("admin") @NotBlank String initialUsername,
		@Nullable @Pattern(regexp = "|.{12,}", message = "must be at least 12 characters") String initialPassword) {

	@Override
	public String toString() {
		// never log a secret
		return "AdminProperties[apiToken=" + state(this.apiToken) + ", initialUsername=" + this.initialUsername
				+ ", initialPassword=" + state(this.initialPassword) + "]";
	}

	private static String state(@Nullable String secret) {
		return (secret != null && !secret.isEmpty()) ? "(set)" : "(not set)";
	}

}
