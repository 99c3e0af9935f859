package dev.paperboy.admin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import dev.paperboy.admin.users.ApiTokenService;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the configured bootstrap token
 * (compared as digests in constant time, so neither content nor length leaks through
 * timing) acts as ADMIN; a personal API token ({@code pb_...}) with its own role, looked
 * up on every request so a revoked one is refused at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final byte @Nullable [] expectedDigest;

	private final ApiTokenService tokens;

	BearerTokenFilter(@Nullable String token, ApiTokenService tokens) {
		this.expectedDigest = (token != null && !token.isBlank()) ? sha256(token) : null;
		this.tokens = tokens;
	}

	/**
	 * @param presented what the request presented
	 * @return whether it is the bootstrap admin token
	 */
	boolean matches(String presented) {
		return this.expectedDigest != null && MessageDigest.isEqual(this.expectedDigest, sha256(presented));
	}

	/**
	 * @param request a request
	 * @return the credential it presents, or null
	 */
	@Nullable String presented(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return header.substring(PREFIX.length()).strip();
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presented(request);
		if (presented != null && matches(presented)) {
			var authentication = UsernamePasswordAuthenticationToken.authenticated("admin-api-token", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		else if (presented != null) {
			this.tokens.authenticate(presented)
				.ifPresent((bearer) -> SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.name(), null,
							List.of(new SimpleGrantedAuthority(bearer.role().authority())))));
		}
		chain.doFilter(request, response);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
