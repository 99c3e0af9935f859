package dev.paperboy.matching;

import java.util.List;

import dev.paperboy.papers.Candidate;
import org.junit.jupiter.api.Test;

import static dev.paperboy.matching.CandidatePoolFixtures.NOW;
import static dev.paperboy.matching.CandidatePoolFixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CandidatePoolTests {

	private final Candidate spiking = candidate(10, "2601.00001", "Spiking neural networks",
			List.of("Zoë Müller", "Alan Turing"), List.of("cs.NE"), 99, 0.6f, 0.8f);

	private final Candidate venice = candidate(11, "2601.00002", "Contract law in medieval Venice",
			List.of("Alan Turing"), List.of("cs.CY", "cs.NE"), 9, 1f, 0f);

	private final Candidate unembedded = candidate(12, "2601.00003", "Waiting for a vector", List.of(), List.of(),
			null);

	private final CandidatePool pool = new CandidatePool(List.of(this.spiking, this.venice, this.unembedded), NOW);

	@Test
	void findsAPaperByKeyVersionedArxivIdOrTitle() {
		assertThat(this.pool.find("2601.00002")).isEqualTo(this.venice);
		assertThat(this.pool.find("arXiv:2601.00002v3")).isEqualTo(this.venice);
		assertThat(this.pool.find("Contract law in medieval Venice")).isEqualTo(this.venice);
		assertThat(this.pool.find("2601.09999")).isNull();
	}

	@Test
	void indexesAuthorsByNormalizedNameAndKeepsTheirSpelling() {
		assertThat(this.pool.byAuthor(CandidatePool.normalize("zoe MULLER"))).containsExactly(0);
		assertThat(this.pool.byAuthor("alan turing")).containsExactly(0, 1);
		assertThat(this.pool.authorName("zoe muller", 0)).isEqualTo("Zoë Müller");
		assertThat(this.pool.authorName("zoe muller", 1)).isNull();
		assertThat(this.pool.byAuthor("grace hopper")).isEmpty();
	}

	@Test
	void indexesCategoriesInPoolOrder() {
		assertThat(this.pool.byCategory("cs.NE")).containsExactly(0, 1);
		assertThat(this.pool.byCategory("cs.CY")).containsExactly(1);
		assertThat(this.pool.byCategory("math.AG")).isEmpty();
	}

	@Test
	void similaritiesAreDotProductsOfTheVectorsAndZeroWithoutOne() {
		assertThat(this.pool.similarity(0, 1)).isCloseTo(0.6, within(1e-6));
		assertThat(this.pool.similarity(1, 0)).isEqualTo(this.pool.similarity(0, 1));
		assertThat(this.pool.similarity(0, 0)).isCloseTo(1, within(1e-6));
		assertThat(this.pool.similarity(2, 0)).isZero();
		assertThat(this.pool.hasVector(2)).isFalse();
		assertThat(this.pool.fits(new float[] { 1, 0, 0 })).isFalse();
	}

	@Test
	void similaritiesOfAVectorSkipExcludedPapersAndPapersWithoutOneAndStopAtZero() {
		double[] into = { 0.5, 0.5, 0.5 };

		this.pool.similarities(new float[] { 0, -1 }, new boolean[3], into);
		assertThat(into).containsExactly(0, 0, 0.5);

		this.pool.similarities(new float[] { 0, 1 }, new boolean[] { false, true, false }, into);
		assertThat(into[0]).isCloseTo(0.8, within(1e-6));
		assertThat(into[1]).as("excluded").isZero();
	}

	@Test
	void theClosestReferenceComesFromThePoolOrFromItsOwnVector() {
		double[] best = new double[3];
		int[] which = { -1, -1, -1 };
		Candidate elsewhere = candidate(99, "2501.00001", 0, 1);

		this.pool.closest(List.of(this.venice, elsewhere), new boolean[3], best, which);

		assertThat(best[0]).isCloseTo(0.8, within(1e-6));
		assertThat(best[1]).isCloseTo(1, within(1e-6));
		assertThat(which).containsExactly(1, 0, -1);
	}

	@Test
	void popularityIsRelativeToTheMostUpvotedCandidate() {
		assertThat(this.pool.popularity(0)).isEqualTo(1);
		assertThat(this.pool.popularity(1)).isCloseTo(0.5, within(1e-12));
		assertThat(this.pool.popularity(2)).isZero();
		assertThat(this.pool.recency(0)).as("first seen an hour ago").isCloseTo(Math.exp(-1.0 / 72), within(1e-12));
	}

	@Test
	void dotProductCoversLengthsThatAreNotAMultipleOfFour() {
		float[] a = { 1, 2, 3, 4, 5, 6, 7 };
		float[] b = { 7, 6, 5, 4, 3, 2, 1 };

		assertThat(CandidatePool.dot(a, 0, b, 0, 7)).isEqualTo(84f);
		assertThat(CandidatePool.dot(a, 2, b, 1, 3)).isEqualTo(3 * 6 + 4 * 5 + 5 * 4f);
	}

}
