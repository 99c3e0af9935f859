package dev.paperboy.admin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param login how often one may try to sign in
 */
@ConfigurationProperties("paperboy.admin")
@Validated
public record AdminProperties(
		@Nullable @Pattern(regexp = "|.{16,}", message = "must be at least 16 characters") String apiToken,
		@DefaultValue("admin") @NotBlank String initialUsername,
		@Nullable @Pattern(regexp = "|.{12,}", message = "must be at least 12 characters") String initialPassword,
		@DefaultValue @Valid Login login) {

	@Override
	public String toString() {
		// never log a secret
		return "AdminProperties[apiToken=" + state(this.apiToken) + ", initialUsername=" + this.initialUsername
				+ ", initialPassword=" + state(this.initialPassword) + "]";
	}

	/**
	 * Sign-in throttling, kept in memory per instance. A throttled attempt gets the same
	 * answer as a wrong password.
	 *
	 * @param failuresPerAccount failed sign-ins to one account name before it is refused
	 * for the rest of {@code accountWindow}
	 * @param accountWindow the window of {@code failuresPerAccount}
	 * @param attemptsPerIp sign-in attempts (right or wrong) from one client address per
	 * {@code ipWindow}
	 * @param ipWindow the window of {@code attemptsPerIp}
	 * @param tracked how many account names and addresses are remembered at most (the
	 * least recently seen are forgotten first)
	 */
	public record Login(@DefaultValue("5") @Min(1) int failuresPerAccount, @DefaultValue("15m") Duration accountWindow,
			@DefaultValue("30") @Min(1) int attemptsPerIp, @DefaultValue("5m") Duration ipWindow,
			@DefaultValue("10000") @Min(100) @Max(1000000) int tracked) {
	}

	private static String state(@Nullable String secret) {
		return (secret != null && !secret.isEmpty()) ? "(set)" : "(not set)";
	}

}
