package dev.paperboy.subscription;

import org.jspecify.annotations.Nullable;

/**
 * Where a request came from, for the consent record.
 *
 * @param ip the client's address as the server saw it (forwarded headers are not trusted)
 * @param userAgent the User-Agent header, shortened
 */
public record ClientInfo(String ip, @Nullable String userAgent) {

	public ClientInfo {
		userAgent = (userAgent != null && userAgent.length() > 300) ? userAgent.substring(0, 300) : userAgent;
	}

}
