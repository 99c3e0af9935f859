package dev.paperboy.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a subscriber agreed to, when, how and from where.
 *
 * @param action how: {@code SIGN_UP}, {@code CONFIRM}, {@code RESUBSCRIBE},
 * {@code OPERATOR_IMPORT}
 * @param givenAt when
 * @param ip from which address
 * @param userAgent with which browser
 * @param formVersion the version of the form's wording
 * @param agreedTo the words agreed to
 */
public record Consent(String action, Instant givenAt, @Nullable String ip, @Nullable String userAgent,
		String formVersion, String agreedTo) {

}
