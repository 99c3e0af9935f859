package dev.paperboy.digest;

import java.time.Duration;

import dev.paperboy.subscription.Profile.WhenEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Digests: when they are composed and how the outbox sends them.
 *
 * @param schedulerEnabled whether this instance composes due digests on its own (the
 * operations API can always run it)
 * @param tick how often the scheduler looks for due subscribers
 * @param pageSize subscribers composed per transaction
 * @param whenEmpty what a subscriber gets when nothing matched in a period: nothing
 * (SKIP) or the period's trending papers, labelled as such (TRENDING)
 * @param firstDigestOnConfirm send a new subscriber's first digest right after they
 * confirm instead of at their next delivery hour (on in the embedded demo)
 * @param postalAddress the sender's postal address for the footer (lines separated by
 * {@code \n} are kept)
 * @param listId the List-Id header's identifier (a domain-like name); default
 * {@code digest.} and the sender's domain
 * @param unsubscribeMailto an address for mailto unsubscribes in List-Unsubscribe, if one
 * is read
 * @param outbox the sending workers
 */
@ConfigurationProperties("paperboy.digest")
@Validated
public record DigestProperties(@DefaultValue("true") boolean schedulerEnabled, @DefaultValue("30s") Duration tick,
		@DefaultValue("500") @Min(1) @Max(5000) int pageSize, @DefaultValue("SKIP") WhenEmpty whenEmpty,
		@DefaultValue("false") boolean firstDigestOnConfirm, @DefaultValue("") String postalAddress,
		@Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]{0,200}") String listId,
		@Nullable @Email String unsubscribeMailto, @DefaultValue @Valid Outbox outbox) {

	/**
	 * The outbox workers.
	 *
	 * @param workers sending threads per instance, each with its own SMTP connection (0:
	 * this instance sends nothing)
	 * @param batchSize digests a worker claims at once and sends over one connection
	 * @param lease how long a claimed digest is left to its worker; after that another
	 * worker sends it again, with the same Message-ID
	 * @param maxAttempts attempts before a digest that keeps failing temporarily is given
	 * up
	 * @param initialBackoff the wait after the first temporary failure; it doubles with
	 * each attempt, with jitter
	 * @param maxBackoff the longest wait between two attempts
	 * @param ratePerSecond messages per second per instance at most (0: no limit)
	 * @param ratePerHour messages per hour per instance at most (0: no limit)
	 * @param idle how long a worker waits when there is nothing to send
	 */
	public record Outbox(@DefaultValue("2") @Min(0) @Max(64) int workers,
			@DefaultValue("50") @Min(1) @Max(1000) int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("12") @Min(1) int maxAttempts, @DefaultValue("1m") Duration initialBackoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("0") @Min(0) double ratePerSecond,
			@DefaultValue("0") @Min(0) long ratePerHour, @DefaultValue("2s") Duration idle) {

	}

}
