package dev.paperboy.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits are rounded to whole seconds and padded by one, from a refill that started
 * fractions of a second ago: a refill of 20 s answers 20 s (or 21 s when no time at all
 * passed).
 */
class RateLimiterTests {

	private static final Optional<EmailAddress> READER = EmailAddress.parse("reader@example.org");

	@Test
	void refusesTheSignUpAfterThePerMinuteAllowanceUntilOneTokenIsBack() {
		RateLimiter limiter = limiter(3, 60, 100);

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isEmpty();
		}
		// Three a minute: one token comes back every 20 s.
		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty()))
			.hasValueSatisfying((wait) -> assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(21)));
	}

	@Test
	void thePerHourAllowanceAppliesWhenThePerMinuteOneIsLarger() {
		RateLimiter limiter = limiter(10, 3, 100);

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isEmpty();
		}
		// Three an hour: one token comes back every 20 minutes.
		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).hasValueSatisfying(
				(wait) -> assertThat(wait).isBetween(Duration.ofSeconds(1200), Duration.ofSeconds(1201)));
	}

	@Test
	void eachClientHasItsOwnAllowance() {
		RateLimiter limiter = limiter(1, 60, 100);

		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isEmpty();
		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isPresent();
		assertThat(limiter.trySignUp("198.51.100.2", Optional.empty())).isEmpty();
	}

	@Test
	void limitsSignUpsForOneAddressFromAnyClientWhateverItsCase() {
		RateLimiter limiter = limiter(10, 60, 2);

		assertThat(limiter.trySignUp("203.0.113.1", READER)).isEmpty();
		assertThat(limiter.trySignUp("203.0.113.2", EmailAddress.parse("Reader@Example.org"))).isEmpty();
		// Two an hour: one comes back every 30 minutes.
		assertThat(limiter.trySignUp("203.0.113.3", READER)).hasValueSatisfying(
				(wait) -> assertThat(wait).isBetween(Duration.ofSeconds(1800), Duration.ofSeconds(1801)));
		assertThat(limiter.trySignUp("203.0.113.3", EmailAddress.parse("writer@example.org"))).isEmpty();
	}

	@Test
	void aSignUpRefusedForItsClientDoesNotUseTheAddressesAllowance() {
		RateLimiter limiter = limiter(1, 60, 2);

		assertThat(limiter.trySignUp("203.0.113.1", READER)).isEmpty();
		assertThat(limiter.trySignUp("203.0.113.1", READER)).as("the client's minute is used up").isPresent();
		assertThat(limiter.trySignUp("203.0.113.2", READER)).as("the address has one left").isEmpty();
		assertThat(limiter.trySignUp("203.0.113.3", READER)).isPresent();
	}

	@Test
	void forgetsEveryClientPastOneHundredThousand() {
		RateLimiter limiter = limiter(1, 60, 100);
		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isEmpty();
		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).isPresent();

		for (int i = 0; i < 100_000; i++) {
			limiter.trySignUp("client-" + i, Optional.empty());
		}

		assertThat(limiter.trySignUp("203.0.113.7", Optional.empty())).as("a fresh bucket").isEmpty();
	}

	private static RateLimiter limiter(int perIpPerMinute, int perIpPerHour, int perAddressPerHour) {
		return new RateLimiter(new SubscriptionProperties(URI.create("http://localhost:8080"), Duration.ofHours(48),
				Duration.ofHours(1), "2026-11",
				new SubscriptionProperties.Limits(perIpPerMinute, perIpPerHour, perAddressPerHour), List.of(),
				Duration.ofMinutes(1), Duration.ofDays(7), org.springframework.util.unit.DataSize.ofKilobytes(64)));
	}

}
