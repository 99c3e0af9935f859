package dev.paperboy.admin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.paperboy.admin.AdminProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle's windows and bounds, on a clock the test moves, and the session
 * cookie's Secure flag.
 */
class LoginThrottleTests {

	Instant now = Instant.parse("2026-12-07T10:00:00Z");

	final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return LoginThrottleTests.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	final LoginThrottle throttle = new LoginThrottle(
			new AdminProperties.Login(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(5), 100), this.clock);

	@Test
	void refusesAnAccountAfterFiveFailuresForFifteenMinutes() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.attempt("Ada", "10.0.0." + i)).isTrue();
			this.throttle.failed("Ada");
		}
		assertThat(this.throttle.attempt("ada", "10.0.0.9")).as("any case, any address").isFalse();
		assertThat(this.throttle.attempt("alan", "10.0.0.9")).as("another account").isTrue();
		this.now = this.now.plus(Duration.ofMinutes(15));
		assertThat(this.throttle.attempt("ada", "10.0.0.9")).isTrue();
	}

	@Test
	void aSuccessForgetsTheFailures() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt("ada", "10.0.0.1");
			this.throttle.failed("ada");
		}
		this.throttle.succeeded("ada");
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt("ada", "10.0.0.1");
			this.throttle.failed("ada");
		}
		assertThat(this.throttle.attempt("ada", "10.0.0.1")).isTrue();
	}

	@Test
	void refusesAnAddressAfterThirtyAttemptsForFiveMinutes() {
		for (int i = 0; i < 30; i++) {
			assertThat(this.throttle.attempt("user" + i, "192.0.2.1")).isTrue();
		}
		assertThat(this.throttle.attempt("someone", "192.0.2.1")).isFalse();
		assertThat(this.throttle.attempt("someone", "192.0.2.2")).isTrue();
		this.now = this.now.plus(Duration.ofMinutes(5));
		assertThat(this.throttle.attempt("someone", "192.0.2.1")).isTrue();
	}

	@Test
	void remembersAtMostTheConfiguredNumberOfNames() {
		for (int i = 0; i < 5; i++) {
			this.throttle.attempt("ada", "10.0.0.1");
			this.throttle.failed("ada");
		}
		// 100 other names push the least recently seen out
		for (int i = 0; i < 100; i++) {
			this.throttle.failed("name" + i);
		}
		assertThat(this.throttle.attempt("ada", "10.0.0.2")).isTrue();
	}

	@Test
	void theSessionCookieIsSecureWhenThePublicAddressIsHttps() {
		assertThat(SessionCookies.secure(
				new MockEnvironment().withProperty("paperboy.subscription.public-url", "https://papers.example.org")))
			.isTrue();
		assertThat(SessionCookies
			.secure(new MockEnvironment().withProperty("paperboy.subscription.public-url", "http://localhost:8080")))
			.isFalse();
		assertThat(SessionCookies
			.secure(new MockEnvironment().withProperty("paperboy.subscription.public-url", "https://papers.example.org")
				.withProperty("server.servlet.session.cookie.secure", "false")))
			.as("an explicit setting wins")
			.isFalse();
	}

}
