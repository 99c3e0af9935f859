package dev.paperboy.admin.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a console session remembers of its sign-in besides the user: where from, and the
 * stamp of the password it signed in with ({@code ConsoleUser.credentialsStamp()}), so
 * that a password change signs out every other session of the user, on every instance.
 */
final class SignedInDetails extends WebAuthenticationDetails {

	private final String credentials;

	SignedInDetails(@Nullable String remoteAddress, @Nullable String sessionId, String credentials) {
		super(remoteAddress, sessionId);
		this.credentials = credentials;
	}

	String credentials() {
		return this.credentials;
	}

}
