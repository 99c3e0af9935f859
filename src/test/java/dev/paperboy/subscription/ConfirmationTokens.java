package dev.paperboy.subscription;

import java.time.Instant;

/**
 * The token of a confirmation link, for tests in other packages that confirm a sign-up
 * without reading its email.
 */
public final class ConfirmationTokens {

	private ConfirmationTokens() {
	}

	/**
	 * @param tokens the service's tokens
	 * @param subscriberId the pending subscriber
	 * @param issuedAt their {@code confirmation_issued_at}
	 * @return the token their confirmation email carries
	 */
	public static String of(Tokens tokens, long subscriberId, Instant issuedAt) {
		return tokens.issue(subscriberId, TokenPurpose.CONFIRM, 0, issuedAt);
	}

}
