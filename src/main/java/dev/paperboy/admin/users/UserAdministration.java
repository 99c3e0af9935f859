package dev.paperboy.admin.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes console users, for the console's users page and the admin
 * API alike. There is always at least one enabled admin: a change that would leave none
 * is refused.
 */
@Service
public class UserAdministration {

	private final ConsoleUsers users;

	private final PasswordEncoder passwords;

	UserAdministration(ConsoleUsers users, PasswordEncoder passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/**
	 * @param pageable which page, sorted how
	 * @return the users
	 */
	@Transactional(readOnly = true)
	public Page<UserView> list(Pageable pageable) {
		return this.users.findAll(pageable).map(UserView::of);
	}

	@Transactional
	public UserView create(String username, Role role, String password) {
		Passwords.checkedUsername(username);
		Passwords.checked(password);
		if (this.users.findByUsername(username).isPresent()) {
			throw AdminRequestException.conflict("There is already a user named " + username);
		}
		return UserView.of(this.users.save(new ConsoleUser(username, this.passwords.encode(password), role)));
	}

	@Transactional
	public UserView changeRole(String actor, long id, Role role) {
		ConsoleUser user = find(id);
		keepAnAdmin(actor, user, role == Role.ADMIN && user.isEnabled());
		user.setRole(role);
		return UserView.of(user);
	}

	@Transactional
	public UserView setEnabled(String actor, long id, boolean enabled) {
		ConsoleUser user = find(id);
		keepAnAdmin(actor, user, enabled && user.getRole() == Role.ADMIN);
		user.setEnabled(enabled);
		return UserView.of(user);
	}

	@Transactional
	public UserView resetPassword(long id, String password) {
		ConsoleUser user = find(id);
		user.setPasswordHash(this.passwords.encode(Passwords.checked(password)));
		return UserView.of(user);
	}

	/**
	 * Removes a user's second factor (a lost phone); they enrol again at their next
	 * sign-in if the console requires one.
	 * @param id the user
	 * @return the user
	 */
	@Transactional
	public UserView removeSecondFactor(long id) {
		ConsoleUser user = find(id);
		user.setTotpSecret(null);
		return UserView.of(user);
	}

	@Transactional
	public void delete(String actor, long id) {
		ConsoleUser user = find(id);
		keepAnAdmin(actor, user, false);
		this.users.delete(user);
	}

	// Whether, after the change, some enabled admin is left. The admins' rows are locked
	// first, so concurrent changes are judged one after the other.
	private void keepAnAdmin(String actor, ConsoleUser user, boolean staysEnabledAdmin) {
		long others = this.users.lockEnabledAdmins()
			.stream()
			.filter((admin) -> !admin.getId().equals(user.getId()))
			.count();
		if (others == 0 && !staysEnabledAdmin) {
			throw AdminRequestException.conflict(user.getUsername().equalsIgnoreCase(actor)
					? "You are the last enabled admin: make someone else an admin first"
					: user.getUsername() + " is the last enabled admin: make someone else an admin first");
		}
	}

	private ConsoleUser find(long id) {
		return this.users.findById(id).orElseThrow(() -> AdminRequestException.notFound("User " + id));
	}

	/**
	 * A console user as pages and the API show them: never the password or the secret.
	 *
	 * @param id the id
	 * @param username the name
	 * @param role the role
	 * @param enabled whether they may sign in
	 * @param secondFactor whether they have enrolled an authenticator
	 * @param createdAt when the user was created
	 * @param lastLoginAt their last sign-in
	 */
	public record UserView(long id, String username, Role role, boolean enabled, boolean secondFactor,
			Instant createdAt, @Nullable Instant lastLoginAt) {

		static UserView of(ConsoleUser user) {
			return new UserView(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(),
					user.hasSecondFactor(), user.getCreatedAt(), user.getLastLoginAt());
		}

	}

}
