package dev.paperboy.matching;

import dev.paperboy.papers.PaperCandidates;

/**
 * Builds a {@link Matcher} with properties of a test's or benchmark's choosing, such as
 * the single-signal baselines of {@code dev.paperboy.bench.MatchingEvaluation}.
 */
public final class MatcherFactory {

	private MatcherFactory() {
	}

	/**
	 * @param candidates where candidates come from
	 * @param embedder the text embedder
	 * @param properties the weights, threshold and diversity to rank with
	 * @return a matcher
	 */
	public static Matcher create(PaperCandidates candidates, TextEmbedder embedder, MatchingProperties properties) {
		return new Matcher(candidates, embedder, properties);
	}

}
