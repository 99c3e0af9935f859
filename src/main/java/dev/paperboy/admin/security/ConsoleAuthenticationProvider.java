package dev.paperboy.admin.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.paperboy.admin.users.AuditLog;
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;
import dev.paperboy.admin.users.Totp;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs console users in: password, then the authenticator code for those who have a
 * second factor (each code good once), within the throttle's limits. Every way of failing
 * (no such user, wrong password, disabled, missing, wrong or used code, too many
 * attempts) ends in the same error, after the same password hashing, so the answer tells
 * nothing about which accounts exist. Each attempt is in the audit log.
 */
class ConsoleAuthenticationProvider implements AuthenticationProvider {

	private final ConsoleUsers users;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	// hashed once, so an unknown name costs as much time as a known one
	private final String unknownUserHash;

	ConsoleAuthenticationProvider(ConsoleUsers users, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit,
			Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
		this.unknownUserHash = passwords.encode("no such user: compare against something");
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String password = (attempt.getCredentials() != null) ? attempt.getCredentials().toString() : "";
		LoginDetails details = (attempt.getDetails() instanceof LoginDetails login) ? login : null;
		String address = (details != null) ? details.getRemoteAddress() : null;
		if (!this.throttle.attempt(username, (address != null) ? address : "unknown")) {
			this.audit.record(username, "sign-in", null, "throttled", address);
			throw failure();
		}
		Optional<ConsoleUser> found = this.users.findByUsername(username);
		boolean passwordMatches = this.passwords.matches(password,
				found.map(ConsoleUser::getPasswordHash).orElse(this.unknownUserHash));
		if (found.isEmpty() || !passwordMatches || !found.get().isEnabled()
				|| !secondFactor(found.get(), (details != null) ? details.code() : null)) {
			this.throttle.failed(username);
			this.audit.record(username, "sign-in", null, "failed", address);
			throw failure();
		}
		ConsoleUser user = found.get();
		this.throttle.succeeded(username);
		this.users.signedIn(user.getId(), this.clock.instant());
		this.audit.record(user.getUsername(), "sign-in", null, "success", address);
		var authenticated = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
				List.of(new SimpleGrantedAuthority(user.getRole().authority())));
		authenticated.setDetails(new SignedInDetails((details != null) ? details.getRemoteAddress() : null,
				(details != null) ? details.getSessionId() : null, user.credentialsStamp()));
		return authenticated;
	}

	// Without a second factor there is nothing to check; with one, the code must match
	// and its step must be newer than the last one used (no replay within its 90
	// seconds).
	private boolean secondFactor(ConsoleUser user, @Nullable String code) {
		String secret = user.getTotpSecret();
		if (secret == null) {
			return true;
		}
		if (code == null) {
			return false;
		}
		OptionalLong step = Totp.verify(secret, code, this.clock.instant());
		return step.isPresent() && this.users.useTotpStep(user.getId(), step.getAsLong()) == 1;
	}

	private static BadCredentialsException failure() {
		return new BadCredentialsException("The user name, password or code is wrong");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
