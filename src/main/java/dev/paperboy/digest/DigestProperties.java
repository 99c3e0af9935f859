package dev.paperboy.digest;

import java.time.Duration;

import dev.paperboy.subscription.Profile.WhenEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Digests: when they are composed, and what their emails say about the list.
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
 */
@ConfigurationProperties("paperboy.digest")
@Validated
public record DigestProperties(@DefaultValue("true") boolean schedulerEnabled, @DefaultValue("30s") Duration tick,
		@DefaultValue("500") @Min(1) @Max(5000) int pageSize, @DefaultValue("SKIP") WhenEmpty whenEmpty,
		@DefaultValue("false") boolean firstDigestOnConfirm, @DefaultValue("") String postalAddress,
		@Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]{0,200}") String listId,
		@Nullable @Email String unsubscribeMailto) {

}
