package dev.paperboy.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	private static final String OLD_KEY = "old-signing-key-0123456789abcdef-0123";

	private static final String NEW_KEY = "new-signing-key-0123456789abcdef-0123";

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private final Tokens tokens = tokens(List.of(NEW_KEY, OLD_KEY), NOW);

	@Test
	void verifiesWhatItIssuedForThatPurposeOnly() {
		String token = this.tokens.issue(42, TokenPurpose.MANAGE);

		assertThat(this.tokens.verify(token, TokenPurpose.MANAGE)).hasValueSatisfying((verified) -> {
			assertThat(verified.subscriberId()).isEqualTo(42);
			assertThat(verified.issuedAt()).isEqualTo(NOW);
		});
		assertThat(this.tokens.verify(token, TokenPurpose.UNSUBSCRIBE)).isEmpty();
		assertThat(this.tokens.verify(token, TokenPurpose.CONFIRM)).isEmpty();
	}

	@Test
	void refusesEveryTamperedCharacter() {
		String token = this.tokens.issue(42, TokenPurpose.UNSUBSCRIBE);
		for (int i = 0; i < token.length(); i++) {
			char replacement = (token.charAt(i) == 'A') ? 'B' : 'A';
			String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(this.tokens.verify(tampered, TokenPurpose.UNSUBSCRIBE)).as("changed at %d", i).isEmpty();
		}
	}

	@Test
	void refusesGarbage() {
		assertThat(this.tokens.verify(null, TokenPurpose.MANAGE)).isEmpty();
		assertThat(this.tokens.verify("", TokenPurpose.MANAGE)).isEmpty();
		assertThat(this.tokens.verify("not a token!", TokenPurpose.MANAGE)).isEmpty();
		assertThat(this.tokens.verify("A".repeat(500), TokenPurpose.MANAGE)).isEmpty();
	}

	@Test
	void keepsOldLinksWorkingAcrossAKeyRotationAndSignsNewOnesWithTheNewestKey() {
		Tokens beforeRotation = tokens(List.of(OLD_KEY), NOW);
		String old = beforeRotation.issue(7, TokenPurpose.UNSUBSCRIBE);
		String fresh = this.tokens.issue(7, TokenPurpose.UNSUBSCRIBE);

		assertThat(this.tokens.verify(old, TokenPurpose.UNSUBSCRIBE)).isPresent();
		assertThat(beforeRotation.verify(fresh, TokenPurpose.UNSUBSCRIBE)).as("signed with the new key").isEmpty();
		assertThat(tokens(List.of(NEW_KEY), NOW).verify(old, TokenPurpose.UNSUBSCRIBE))
			.as("a retired key verifies nothing")
			.isEmpty();
	}

	@Test
	void keepsUnsubscribeLinksWorkingForAtLeastSixtyDaysAndConfirmationLinksFor48Hours() {
		String unsubscribe = this.tokens.issue(7, TokenPurpose.UNSUBSCRIBE, 0, NOW.minus(Duration.ofDays(61)));
		String freshConfirm = this.tokens.issue(7, TokenPurpose.CONFIRM, 0, NOW.minus(Duration.ofHours(47)));
		String oldConfirm = this.tokens.issue(7, TokenPurpose.CONFIRM, 0, NOW.minus(Duration.ofHours(49)));
		String ancient = this.tokens.issue(7, TokenPurpose.UNSUBSCRIBE, 0, NOW.minus(Duration.ofDays(366)));

		assertThat(this.tokens.verify(unsubscribe, TokenPurpose.UNSUBSCRIBE)).isPresent();
		assertThat(this.tokens.verify(freshConfirm, TokenPurpose.CONFIRM)).isPresent();
		assertThat(this.tokens.verify(oldConfirm, TokenPurpose.CONFIRM)).isEmpty();
		assertThat(this.tokens.verify(ancient, TokenPurpose.UNSUBSCRIBE)).isEmpty();
	}

	@Test
	void carriesASubject() {
		String token = this.tokens.issue(7, TokenPurpose.FEEDBACK, 123456789L);

		assertThat(this.tokens.verify(token, TokenPurpose.FEEDBACK))
			.hasValueSatisfying((verified) -> assertThat(verified.subject()).isEqualTo(123456789L));
	}

	static Tokens tokens(List<String> keys, Instant now) {
		SubscriptionProperties subscriptions = new SubscriptionProperties(URI.create("https://papers.example.org"),
				Duration.ofHours(48), Duration.ofHours(1), "test", new SubscriptionProperties.Limits(10, 60, 5),
				List.of(), Duration.ofMinutes(1), Duration.ofDays(7),
				org.springframework.util.unit.DataSize.ofKilobytes(64));
		return new Tokens(new TokenProperties(keys, Duration.ofDays(180), Duration.ofDays(365), Duration.ofDays(180)),
				subscriptions, Clock.fixed(now, ZoneOffset.UTC));
	}

}
