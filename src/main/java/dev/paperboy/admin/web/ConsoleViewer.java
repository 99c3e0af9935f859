package dev.paperboy.admin.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at a console page, for the layout: the name in the header and which
 * controls to show. (Showing is a courtesy; the security chain refuses what a role may
 * not do whatever the page shows.)
 *
 * @param name the user's name
 * @param role the user's role, {@code ADMIN}, {@code OPERATOR} or {@code VIEWER}
 */
public record ConsoleViewer(String name, String role) {

	/** The request attribute that holds the viewer, {@code ${viewer}} in templates. */
	public static final String ATTRIBUTE = "viewer";

	/**
	 * @return whether this viewer may run, retry and change subscribers
	 */
	public boolean canOperate() {
		return "ADMIN".equals(this.role) || "OPERATOR".equals(this.role);
	}

	/**
	 * @return whether this viewer may change users, tokens and settings
	 */
	public boolean isAdmin() {
		return "ADMIN".equals(this.role);
	}

	static @Nullable ConsoleViewer of(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		for (String role : new String[] { "ADMIN", "OPERATOR", "VIEWER" }) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				if (("ROLE_" + role).equals(authority.getAuthority())) {
					return new ConsoleViewer(authentication.getName(), role);
				}
			}
		}
		return null;
	}

}
