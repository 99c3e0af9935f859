package dev.paperboy.matching;

import java.time.Instant;
import java.util.Set;

import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.subscription.Profile;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.ApplicationContext;

/**
 * Gives benchmarks outside this package the single-subscriber ranking of a
 * {@link Matcher}, which the application itself never uses: with properties of their
 * choosing, such as the single-signal baselines of
 * {@code dev.paperboy.bench.MatchingEvaluation}, or the application's own.
 */
public final class MatcherFactory {

	private MatcherFactory() {
	}

	/**
	 * @param candidates where candidates come from
	 * @param embedder the text embedder
	 * @param properties the weights, threshold and diversity to rank with
	 * @return a ranker
	 */
	public static Ranker create(PaperCandidates candidates, TextEmbedder embedder, MatchingProperties properties) {
		return new Matcher(candidates, embedder, properties, new SimpleMeterRegistry())::select;
	}

	/**
	 * @param context the running application
	 * @return a ranker with the application's matcher
	 */
	public static Ranker of(ApplicationContext context) {
		return context.getBean(Matcher.class)::select;
	}

	/**
	 * Ranks for one subscriber, embedding their interests on the spot.
	 */
	@FunctionalInterface
	public interface Ranker {

		/**
		 * @param profile what the subscriber wants
		 * @param liked arXiv ids, keys or exact titles of papers the subscriber likes
		 * @param alreadySent keys of papers the subscriber already received
		 * @param now the time of the digest
		 * @return the papers of the next digest, best first
		 */
		Selection select(Profile profile, Set<String> liked, Set<String> alreadySent, Instant now);

	}

}
