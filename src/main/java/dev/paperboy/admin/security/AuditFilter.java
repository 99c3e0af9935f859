package dev.paperboy.admin.security;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import dev.paperboy.admin.users.AuditLog;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every state-changing console and admin API request of a signed-in user or token
 * in the audit log once it has completed, refused ones included: who, method and path,
 * the path's variables, the status, the client's address. Sits right inside the security
 * filter chain's context holder, so it sees who was authenticated and what the rest of
 * the chain (CSRF, authorization) answered. Sign-in and sign-out are recorded by
 * themselves.
 */
class AuditFilter extends OncePerRequestFilter {

	private final AuditLog audit;

	AuditFilter(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || path.equals("/admin/login")
				|| path.equals("/admin/logout")) {
			chain.doFilter(request, response);
			return;
		}
		int failed = 0;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			failed = 500;
			throw ex;
		}
		finally {
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
				this.audit.record(who.getName(), method + " " + path, target(request),
						Integer.toString((failed != 0) ? failed : response.getStatus()), request.getRemoteAddr());
			}
		}
	}

	private static String target(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& !variables.isEmpty()) {
			return variables.entrySet()
				.stream()
				.map((variable) -> variable.getKey() + "=" + variable.getValue())
				.collect(Collectors.joining(" "));
		}
		return null;
	}

}
