package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who makes a request: the signed-in user or the token's owner, and their role.
 *
 * @param name the user name (or the token's name)
 * @param role the role
 */
record Actor(String name, Role role) {

	static Actor of(Authentication authentication) {
		Role role = Role.VIEWER;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role candidate : Role.values()) {
				if (candidate.authority().equals(authority.getAuthority()) && candidate.includes(role)) {
					role = candidate;
				}
			}
		}
		return new Actor(authentication.getName(), role);
	}

}
