package dev.paperboy.admin.security;

import java.util.List;

import dev.paperboy.admin.users.ConsoleUsers;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users for Spring Security's form sign-in.
 */
@Service
class ConsoleUserDetails implements UserDetailsService {

	private final ConsoleUsers users;

	ConsoleUserDetails(ConsoleUsers users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.map((user) -> User.withUsername(user.getUsername())
				.password(user.getPasswordHash())
				.disabled(!user.isEnabled())
				.authorities(List.of(new SimpleGrantedAuthority(user.getRole().authority())))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
