package dev.paperboy.matching;

import java.time.Instant;
import java.util.List;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperLinks;
import org.jspecify.annotations.Nullable;

/**
 * Candidates for the plain unit tests of the matcher's pieces, without a database.
 */
final class CandidatePoolFixtures {

	static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private CandidatePoolFixtures() {
	}

	static Candidate candidate(long id, String arxivId, String title, List<String> authors, List<String> categories,
			@Nullable Integer upvotes, float @Nullable ... vector) {
		Paper paper = new Paper(arxivId, arxivId, title, "", authors, categories, PaperLinks.NONE, null, null,
				NOW.minusSeconds(3600), upvotes, null, List.of(), null, List.of("test"));
		return new Candidate(id, paper, vector);
	}

	static Candidate candidate(long id, String arxivId, float... vector) {
		return candidate(id, arxivId, "Paper " + arxivId, List.of(), List.of(), null, vector);
	}

}
