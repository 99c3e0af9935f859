package dev.paperboy.matching;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.List;

import dev.paperboy.papers.Candidate;
import dev.paperboy.subscription.Profile;
import org.junit.jupiter.api.Test;

import static dev.paperboy.matching.CandidatePoolFixtures.NOW;
import static dev.paperboy.matching.CandidatePoolFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignalsTests {

	private final Candidate turing = candidate(10, "2601.00001", "On computable numbers", List.of("Alan Turing"),
			List.of("cs.LO"), 25, 1f, 0f);

	private final Candidate both = candidate(11, "2601.00002", "Machines and minds",
			List.of("Alan Turing", "Ada Lovelace"), List.of("cs.AI", "cs.LO"), 3, 0.8f, 0.6f);

	private final Candidate lovelace = candidate(12, "2601.00003", "Notes on the analytical engine",
			List.of("Ada Lovelace"), List.of("cs.AI"), 1, 0f, 1f);

	private final CandidatePool pool = new CandidatePool(List.of(this.turing, this.both, this.lovelace), NOW);

	private final Signals signals = new Signals(3);

	SignalsTests() {
		this.signals.clear();
	}

	@Test
	void marksEachPaperWithItsFirstFollowedAuthorAndCategory() {
		this.signals.followedAuthors(this.pool, List.of("ada lovelace", "ALAN TURING"));
		this.signals.followedCategories(this.pool, List.of("cs.LO", "cs.AI"));

		assertThat(this.signals.author).containsExactly(1, 0, 0);
		assertThat(this.signals.category).containsExactly(0, 0, 1);
	}

	@Test
	void learnsAuthorsOfLikedPapersButNotTheLikedPaperItself() {
		this.signals.learnedAuthors(this.pool, List.of(this.turing), List.of());

		assertThat(this.signals.learned).containsExactly(-1, 0, -1);
		assertThat(this.signals.likedAuthor(1)).isTrue();
		assertThat(this.signals.likedAuthor(0)).isFalse();
	}

	@Test
	void anAuthorOfADislikedPaperOutweighsTheSameAuthorOfALikedOne() {
		this.signals.learnedAuthors(this.pool, List.of(this.lovelace), List.of(this.turing));

		assertThat(this.signals.dislikedAuthor(1)).isTrue();
		assertThat(this.signals.likedAuthor(1)).isFalse();
	}

	@Test
	void aFollowedAuthorOverridesWhatWasLearned() {
		this.signals.learnedAuthors(this.pool, List.of(), List.of(this.turing));
		this.signals.followedAuthors(this.pool, List.of("Ada Lovelace"));

		assertThat(this.signals.dislikedAuthor(1)).isFalse();
		assertThat(this.signals.followedAuthor(1)).isTrue();
	}

	@Test
	void closenessIsTheBestOfInterestsAndLikedPapersSkippingExcludedOnes() {
		this.signals.excluded[2] = true;
		this.signals.semantic(this.pool, new float[] { 0, 1 });
		this.signals.liked(this.pool, List.of(this.turing));

		assertThat(this.signals.semantic[1]).isCloseTo(0.6, within(1e-6));
		assertThat(this.signals.closeness(1)).isCloseTo(0.8, within(1e-6));
		assertThat(this.signals.closestLiked).containsExactly(0, 0, -1);
		assertThat(this.signals.closeness(2)).as("excluded").isZero();
	}

	@Test
	void reasonsComeInAFixedOrderWithNamesAsThePaperSpellsThem() {
		Profile profile = new Profile("Computable numbers and universal machines", "", List.of("alan turing"),
				List.of("cs.AI"), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, 10);
		this.signals.semantic(this.pool, new float[] { 1, 0 });
		this.signals.followedAuthors(this.pool, profile.authors());
		this.signals.followedCategories(this.pool, profile.followedCategories());
		Reasons reasons = new Reasons(this.pool, 0.3, 20);

		assertThat(reasons.of(1, this.signals, profile, KeywordQuery.parse(""), null, List.of(), List.of()))
			.containsExactly("by Alan Turing, whom you follow",
					"close to your interest in 'Computable numbers and universal machines'",
					"in cs.AI, a category you follow");
		assertThat(reasons.of(0, this.signals, profile, KeywordQuery.parse(""), null, List.of(), List.of()))
			.containsExactly("by Alan Turing, whom you follow",
					"close to your interest in 'Computable numbers and universal machines'", "trending: 25 upvotes");
	}

	@Test
	void longQuotesAreCutAtSixtyCharacters() {
		assertThat(Reasons.quote("  short  ")).isEqualTo("'short'");
		assertThat(Reasons.quote("x".repeat(60))).isEqualTo("'" + "x".repeat(60) + "'");
		assertThat(Reasons.quote("x".repeat(61))).isEqualTo("'" + "x".repeat(57) + "…'");
	}

}
