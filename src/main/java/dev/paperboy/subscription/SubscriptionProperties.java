package dev.paperboy.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Subscriptions.
 *
 * @param publicUrl the address subscribers reach Paperboy at; every link in every email
 * is built from it, never from a request's Host header
 * @param confirmationValidity how long a confirmation link works
 * @param confirmationInterval least time between two confirmation emails to one address
 * @param formVersion recorded with every consent, to know what the subscriber saw
 * @param limits rate limits of sign-up and resend
 * @param allowedOrigins sites whose pages may call the subscription API from the browser
 * (CORS), e.g. {@code https://lab.example.org}; none by default
 * @param eventRetry how often events whose handling failed in another module (digest's
 * schedules, matching's vectors) are handed to it again, and how old a failure must be
 * @param eventRetention how long handled events stay in the registry before they are
 * deleted
 * @param maxRequestBodySize the largest request body of a public page, form or API (413
 * above it, before anything is parsed); not the console's, nor the webhooks'
 */
@ConfigurationProperties("paperboy.subscription")
@Validated
public record SubscriptionProperties(@DefaultValue("http://localhost:8080") @NotNull URI publicUrl,
		@DefaultValue("48h") Duration confirmationValidity, @DefaultValue("1h") Duration confirmationInterval,
		@DefaultValue("2026-11") @NotBlank String formVersion, @DefaultValue @Valid Limits limits, @DefaultValue( {
		}) List<String> allowedOrigins, @DefaultValue("1m") Duration eventRetry,
		@DefaultValue("7d") Duration eventRetention, @DefaultValue("64KB") DataSize maxRequestBodySize){

	/**
	 * Rate limits, per client IP and per address. Exceeding one answers 429 with
	 * Retry-After.
	 *
	 * @param perIpPerMinute sign-ups from one IP per minute
	 * @param perIpPerHour sign-ups from one IP per hour
	 * @param perAddressPerHour sign-ups for one address per hour
	 */
	public record Limits(@DefaultValue("10") @Min(1) int perIpPerMinute, @DefaultValue("60") @Min(1) int perIpPerHour,
			@DefaultValue("5") @Min(1) int perAddressPerHour) {

	}

	/**
	 * @param path a path starting with a slash
	 * @return the public URL of that path
	 */
	public String link(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
