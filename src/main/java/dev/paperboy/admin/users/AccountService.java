package dev.paperboy.admin.users;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signed-in users change about themselves: their password and their second factor.
 */
@Service
public class AccountService {

	private final ConsoleUsers users;

	private final PasswordEncoder passwords;

	private final ConsoleSettingsService settings;

	private final Clock clock;

	AccountService(ConsoleUsers users, PasswordEncoder passwords, ConsoleSettingsService settings) {
		this.users = users;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	/**
	 * @param username who is signed in
	 * @return whether they have a second factor
	 */
	@Transactional(readOnly = true)
	public boolean hasSecondFactor(String username) {
		return this.users.findByUsername(username).map(ConsoleUser::hasSecondFactor).orElse(false);
	}

	/**
	 * Changes a user's own password, once they gave the current one.
	 * @param username who is signed in
	 * @param current their password now
	 * @param replacement the new one
	 * @return the new password's stamp ({@link ConsoleUser#credentialsStamp()}), by which
	 * the session that changed it stays signed in
	 */
	@Transactional
	public String changePassword(String username, String current, String replacement) {
		ConsoleUser user = find(username);
		if (!this.passwords.matches(current, user.getPasswordHash())) {
			throw AdminRequestException.invalid("The current password is wrong");
		}
		user.setPasswordHash(this.passwords.encode(Passwords.checked(replacement)));
		return user.credentialsStamp();
	}

	/**
	 * Stores a second factor once the user proved their app has it: a code from it.
	 * @param username who is signed in
	 * @param secret the secret they were shown
	 * @param code a code from their app
	 */
	@Transactional
	public void enrol(String username, String secret, String code) {
		ConsoleUser user = find(username);
		OptionalLong step = Totp.verify(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			throw AdminRequestException.invalid("That code does not match: check the time on your phone and try again");
		}
		user.setTotpSecret(secret);
		user.setTotpLastStep(step.getAsLong());
	}

	@Transactional
	public void removeSecondFactor(String username, String password) {
		ConsoleUser user = find(username);
		if (!this.passwords.matches(password, user.getPasswordHash())) {
			throw AdminRequestException.invalid("The password is wrong");
		}
		if (this.settings.requireSecondFactor()) {
			throw AdminRequestException.conflict("The console requires a second factor for everyone");
		}
		user.setTotpSecret(null);
	}

	private ConsoleUser find(String username) {
		return this.users.findByUsername(username)
			.orElseThrow(() -> AdminRequestException.notFound("User " + username));
	}

}
