package dev.paperboy.admin.security;

import dev.paperboy.admin.AdminProperties;
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;
import dev.paperboy.admin.users.Role;
import dev.paperboy.embedded.EmbeddedMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first console admin when there is no console user at all, from
 * {@code paperboy.admin.initial-password}; without one the start fails, because a console
 * nobody can sign in to is not running. The embedded mode generates that password and
 * this prints it, once: when the admin is created.
 */
// Only where there is a console: a command-line import (no web server) needs no admin.
@Component
@ConditionalOnWebApplication
class FirstAdmin implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final ConsoleUsers users;

	private final PasswordEncoder passwords;

	private final AdminProperties properties;

	private final TransactionTemplate transactions;

	private final Environment environment;

	FirstAdmin(ConsoleUsers users, PasswordEncoder passwords, AdminProperties properties,
			TransactionTemplate transactions, Environment environment) {
		this.users = users;
		this.passwords = passwords;
		this.properties = properties;
		this.transactions = transactions;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> {
			if (this.users.count() > 0) {
				return;
			}
			String password = this.properties.initialPassword();
			if (password == null || password.isBlank()) {
				throw new IllegalStateException("There is no console user yet and no first admin password: set "
						+ "PAPERBOY_ADMIN_INITIAL_PASSWORD (paperboy.admin.initial-password, at least 12 characters)");
			}
			this.users
				.save(new ConsoleUser(this.properties.initialUsername(), this.passwords.encode(password), Role.ADMIN));
			if (EmbeddedMode.active(this.environment)) {
				// The embedded mode's own generated password, shown once to the newcomer
				// who started it; it is also in data/secrets.properties. INFO, like
				// every line of a clean start: nothing is wrong.
				log.info("Console: sign in at /admin as '{}' with password {} (kept in {}/secrets.properties)",
						this.properties.initialUsername(), password,
						this.environment.getProperty("paperboy.embedded.data-dir", "data"));
			}
			else {
				log.info("Console: created the first admin '{}' from paperboy.admin.initial-password",
						this.properties.initialUsername());
			}
		});
	}

}
