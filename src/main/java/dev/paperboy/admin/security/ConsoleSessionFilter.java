package dev.paperboy.admin.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.paperboy.admin.users.ConsoleSettingsService;
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;

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
 * a deleted or disabled user is signed out, a changed role applies at once, and while the
 * console requires a second factor a user without one is sent to their account page to
 * set it up (signing out and the account page stay reachable).
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
		if (found.isEmpty() || !found.get().isEnabled()) {
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
			var updated = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
					List.of(new SimpleGrantedAuthority(authority)));
			updated.setDetails(authentication.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(updated);
			SecurityContextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		if (!user.hasSecondFactor() && !path.equals("/admin/account") && !path.startsWith("/admin/account/")
				&& this.settings.requireSecondFactor()) {
			response.sendRedirect(request.getContextPath() + "/admin/account?second-factor-required");
			return;
		}
		chain.doFilter(request, response);
	}

}
