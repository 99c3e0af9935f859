package dev.paperboy.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic for admin pages in a browser: user {@code admin}, password the admin token.
 */
class BasicTokenFilter extends BearerTokenFilter {

	private static final String PREFIX = "Basic ";

	BasicTokenFilter(@Nullable String token) {
		super(token);
	}

	@Override
	@Nullable String presented(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).strip()),
					StandardCharsets.UTF_8);
			return credentials.startsWith("admin:") ? credentials.substring("admin:".length()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
