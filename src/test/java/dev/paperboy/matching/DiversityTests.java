package dev.paperboy.matching;

import java.util.List;

import dev.paperboy.matching.Diversity.Scored;
import org.junit.jupiter.api.Test;

import static dev.paperboy.matching.CandidatePoolFixtures.NOW;
import static dev.paperboy.matching.CandidatePoolFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;

class DiversityTests {

	// Papers 0 and 1 point the same way, paper 2 at right angles to both.
	private final CandidatePool pool = new CandidatePool(List.of(candidate(10, "2601.00001", 1, 0),
			candidate(11, "2601.00002", 1, 0), candidate(12, "2601.00003", 0, 1)), NOW);

	private final List<Scored> scored = List.of(new Scored(2, 0.5), new Scored(1, 0.95), new Scored(0, 1.0));

	@Test
	void withLambdaOnePicksByScoreAlone() {
		assertThat(new Diversity(1, this.pool).pick(this.scored, 3)).extracting(Scored::index).containsExactly(0, 1, 2);
	}

	@Test
	void aNearCopyOfAPickLosesToADifferentPaper() {
		// Second pick: paper 1 is worth 0.5 * 0.95 - 0.5 * 1 < 0, paper 2 0.5 * 0.5 - 0.
		assertThat(new Diversity(0.5, this.pool).pick(this.scored, 3)).extracting(Scored::index)
			.containsExactly(0, 2, 1);
	}

	@Test
	void aSmallRedundancyPenaltyKeepsTheScoreOrder() {
		// Second pick: paper 1 is worth 0.9 * 0.95 - 0.1 * 1 = 0.755, paper 2 0.45.
		assertThat(new Diversity(0.9, this.pool).pick(this.scored, 3)).extracting(Scored::index)
			.containsExactly(0, 1, 2);
	}

	@Test
	void picksAtMostTheDigestSizeWithTheirScores() {
		List<Scored> picked = new Diversity(0.5, this.pool).pick(this.scored, 2);

		assertThat(picked).containsExactly(new Scored(0, 1.0), new Scored(2, 0.5));
		assertThat(new Diversity(0.5, this.pool).pick(List.of(), 5)).isEmpty();
	}

}
