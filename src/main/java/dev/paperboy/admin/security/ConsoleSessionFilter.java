package dev.paperboy.admin.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.paperboy.admin.users.ConsoleSettingsService;
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks a signed-in console session against the user as they are now, on every request:
 * a deleted or disabled user is signed out, and so is a session that signed in with a
 * password changed since; a changed role applies at once, and while the console requires
 * a second factor a user without one is sent to their account page to set it up (signing
 * out and the account page stay reachable).
 */
class ConsoleSessionFilter extends OncePerRequestFilter {

	private final ConsoleUsers users;

	private final ConsoleSettingsService settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ConsoleSessionFilter(ConsoleUsers users, ConsoleSettingsService settings) {
		this.users = users;
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated() || path.equals("/admin/login") || path.equals("/admin/logout")) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ConsoleUser> found = this.users.findByUsername(authentication.getName());
		if (found.isPresent() && renewed(request, found.get())) {
			// this session changed its user's password: it goes on with the new one
			authentication = signedIn(found.get(), authentication, new SignedInDetails(request.getRemoteAddr(),
					request.getRequestedSessionId(), found.get().credentialsStamp()), request, response);
		}
		if (found.isEmpty() || !found.get().isEnabled() || !sameCredentials(authentication, found.get())) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/admin/login");
			return;
		}
		ConsoleUser user = found.get();
		String authority = user.getRole().authority();
		if (authentication.getAuthorities().stream().noneMatch((granted) -> authority.equals(granted.getAuthority()))) {
			signedIn(user, authentication, authentication.getDetails(), request, response);
		}
		if (!user.hasSecondFactor() && !path.equals("/admin/account") && !path.startsWith("/admin/account/")
				&& this.settings.requireSecondFactor()) {
			response.sendRedirect(request.getContextPath() + "/admin/account?second-factor-required");
			return;
		}
		chain.doFilter(request, response);
	}

	// Signed in with the password the user has now (a session from before stamps were
	// kept has none, and signs in again once)
	private static boolean sameCredentials(Authentication authentication, ConsoleUser user) {
		return authentication.getDetails() instanceof SignedInDetails details
				&& details.credentials().equals(user.credentialsStamp());
	}

	private static boolean renewed(HttpServletRequest request, ConsoleUser user) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(ConsoleUser.RENEWED_CREDENTIALS) == null) {
			return false;
		}
		Object stamp = session.getAttribute(ConsoleUser.RENEWED_CREDENTIALS);
		session.removeAttribute(ConsoleUser.RENEWED_CREDENTIALS);
		return user.credentialsStamp().equals(stamp);
	}

	// The session's authentication, as the user is now
	private Authentication signedIn(ConsoleUser user, Authentication previous, @Nullable Object details,
			HttpServletRequest request, HttpServletResponse response) {
		var updated = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
				List.of(new SimpleGrantedAuthority(user.getRole().authority())));
		updated.setDetails(details);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return updated;
	}

}
