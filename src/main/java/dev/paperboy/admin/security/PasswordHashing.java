package dev.paperboy.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How console passwords are hashed, in every kind of application context (the first admin
 * is created by contexts without a web server too).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt for new hashes (no extra library, unlike Argon2); each hash names its
		// algorithm, so a later change of default still verifies the old ones
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
