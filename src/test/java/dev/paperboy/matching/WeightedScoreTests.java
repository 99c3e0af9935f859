package dev.paperboy.matching;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightedScoreTests {

	// The defaults of paperboy.matching.weights.
	private static final MatchingProperties.Weights WEIGHTS = new MatchingProperties.Weights(0.6, 0.3, 0.4, 0.1, 0.1,
			0.05, 0.2);

	private final WeightedScore score = new WeightedScore(WEIGHTS, 0.3);

	@Test
	void sumsEachSignalTimesItsWeight() {
		// 0.6 * (0.5 - 0.1) + 0.3 * (0.1 / 0.2) + 0.4 + 0 + 0.1 * 1 + 0.05 * 0.5
		double total = this.score.score(0.5, 0.1, 0.1, true, false, 1, 0.5, false, false);

		assertThat(total).isCloseTo(0.24 + 0.15 + 0.4 + 0.1 + 0.025, within(1e-12));
	}

	@Test
	void keywordRankSaturates() {
		assertThat(this.score.keyword(0)).isZero();
		assertThat(this.score.keyword(0.1)).isCloseTo(0.15, within(1e-12));
		assertThat(this.score.keyword(0.9)).isCloseTo(0.27, within(1e-12));
		assertThat(this.score.keyword(1000)).isLessThan(0.3);
	}

	@Test
	void anAuthorOfALikedPaperAddsWhatAnAuthorOfADislikedPaperTakesOff() {
		double neutral = this.score.score(0.4, 0, 0, false, true, 0, 0, false, false);
		double liked = this.score.score(0.4, 0, 0, false, true, 0, 0, true, false);
		double disliked = this.score.score(0.4, 0, 0, false, true, 0, 0, false, true);

		assertThat(neutral).isCloseTo(0.24 + 0.1, within(1e-12));
		assertThat(liked - neutral).isCloseTo(0.2, within(1e-12));
		assertThat(neutral - disliked).isCloseTo(0.2, within(1e-12));
	}

	@Test
	void closenessToADislikedPaperCountsAgainstClosenessToTheInterests() {
		assertThat(this.score.semantic(0.7, 0.7)).isZero();
		assertThat(this.score.semantic(0.2, 0.7)).isCloseTo(-0.3, within(1e-12));
	}

	@Test
	void popularityAndRecencyAloneAreNotRelevant() {
		assertThat(this.score.relevant(0, false, false, 0.29, false)).isFalse();
		assertThat(this.score.relevant(0, false, false, 0.3, false)).as("at the semantic threshold").isTrue();
		assertThat(this.score.relevant(0.01, false, false, 0, false)).isTrue();
		assertThat(this.score.relevant(0, true, false, 0, false)).isTrue();
		assertThat(this.score.relevant(0, false, true, 0, false)).isTrue();
		assertThat(this.score.relevant(0, false, false, 0, true)).isTrue();
	}

	@Test
	void popularityIsLogarithmicRelativeToTheMostUpvotedCandidate() {
		assertThat(WeightedScore.popularity(99, 99)).isEqualTo(1);
		assertThat(WeightedScore.popularity(9, 99)).isCloseTo(0.5, within(1e-12));
		assertThat(WeightedScore.popularity(0, 99)).isZero();
		assertThat(WeightedScore.popularity(null, 99)).as("no upvotes (arXiv only)").isZero();
		assertThat(WeightedScore.popularity(5, 0)).as("no candidate has upvotes").isZero();
	}

	@Test
	void recencyFallsByAFactorEEveryThreeDaysInWholeHours() {
		Instant now = Instant.parse("2026-12-07T12:00:00Z");

		assertThat(WeightedScore.recency(now, now)).isEqualTo(1);
		assertThat(WeightedScore.recency(now.minus(Duration.ofDays(3)), now)).isCloseTo(Math.exp(-1), within(1e-12));
		assertThat(WeightedScore.recency(now.minus(Duration.ofHours(36).plusMinutes(59)), now))
			.as("minutes are dropped")
			.isCloseTo(Math.exp(-0.5), within(1e-12));
		assertThat(WeightedScore.recency(now.plus(Duration.ofHours(5)), now)).as("first seen after the run")
			.isEqualTo(1);
	}

	@Test
	void trendingIsMostlyPopularity() {
		assertThat(WeightedScore.trending(1, 0)).isCloseTo(0.8, within(1e-12));
		assertThat(WeightedScore.trending(0, 1)).isCloseTo(0.2, within(1e-12));
	}

}
