package dev.paperboy.admin.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the sign-in form sends besides name and password: the authenticator code, and the
 * client's address ({@code getRemoteAddr()}, never a header a client can set).
 */
class LoginDetails extends WebAuthenticationDetails {

	private final @Nullable String code;

	LoginDetails(HttpServletRequest request) {
		super(request);
		String typed = request.getParameter("code");
		this.code = (typed != null) ? typed.strip() : null;
	}

	@Nullable String code() {
		return this.code;
	}

}
