package dev.paperboy.ingest.http;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFetcherRetryAfterTests {

	@Test
	void readsDelaySeconds() {
		assertThat(HttpFetcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
		assertThat(HttpFetcher.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
		assertThat(HttpFetcher.retryAfter("0")).isZero();
	}

	@Test
	void readsAnHttpDateInTheFutureAsTheTimeLeftUntilIt() {
		String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
		assertThat(HttpFetcher.retryAfter(header)).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90));
	}

	@Test
	void readsAnHttpDateInAnotherZone() {
		String header = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.ofHours(-5)).plusMinutes(10));
		assertThat(HttpFetcher.retryAfter(header)).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
	}

	@Test
	void readsAnHttpDateInThePastAsNoWait() {
		assertThat(HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
	}

	@Test
	void readsNegativeSecondsAsNoWait() {
		assertThat(HttpFetcher.retryAfter("-30")).isZero();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  ", "soon", "1.5", "2015-10-21T07:28:00Z", "Wed, 32 Oct 2015 07:28:00 GMT",
			"99999999999999999999" })
	void ignoresWhatItCannotRead(String header) {
		assertThat(HttpFetcher.retryAfter(header)).isNull();
	}

}
