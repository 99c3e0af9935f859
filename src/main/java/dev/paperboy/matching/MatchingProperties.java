package dev.paperboy.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Matching.
 *
 * @param embeddings how papers get their vectors
 * @param candidateWindow papers first seen this long ago at most are candidates
 * @param maxCandidates candidates scored per subscriber at most, newest first
 * @param weights how much each signal counts (see docs/matching.md)
 * @param threshold least score of a paper that goes into a digest
 * @param semanticThreshold least similarity that counts as "close to your interests"
 * @param diversity the weight of relevance against novelty when picking (maximal marginal
 * relevance): 1 ranks by score alone
 * @param trendingUpvotes upvotes from which a paper's reasons say it is trending
 * @param previewCache the preference centre's previews kept in memory
 */
@ConfigurationProperties("paperboy.matching")
@Validated
public record MatchingProperties(@DefaultValue @Valid Embeddings embeddings,
		@DefaultValue("7d") Duration candidateWindow, @DefaultValue("2000") @Min(1) int maxCandidates,
		@DefaultValue @Valid Weights weights, @DefaultValue("0.2") double threshold,
		@DefaultValue("0.3") double semanticThreshold, @DefaultValue("0.9") double diversity,
		@DefaultValue("20") int trendingUpvotes, @DefaultValue @Valid PreviewCache previewCache) {

	/**
	 * Weights of the signals in a paper's score.
	 *
	 * @param semantic similarity of the paper to the subscriber's interests
	 * @param keyword full-text rank for the subscriber's keywords
	 * @param author the paper is by a followed author
	 * @param category the paper is in a followed category
	 * @param popularity upvotes, relative to the most upvoted candidate (log scale)
	 * @param recency how new the paper is (halves every two days or so)
	 * @param learnedAuthor the paper is by an author of a paper the subscriber liked (or
	 * said "more like this" about); as much is taken off for an author of a paper they
	 * said "less like this" about
	 */
	public record Weights(@DefaultValue("0.6") double semantic, @DefaultValue("0.3") double keyword,
			@DefaultValue("0.4") double author, @DefaultValue("0.1") double category,
			@DefaultValue("0.1") double popularity, @DefaultValue("0.05") double recency,
			@DefaultValue("0.2") double learnedAuthor) {

		@ConstructorBinding
		public Weights {
		}

		public Weights(double semantic, double keyword, double author, double category, double popularity,
				double recency) {
			this(semantic, keyword, author, category, popularity, recency, 0);
		}

	}

	/**
	 * The embedding worker.
	 *
	 * @param enabled whether papers are embedded in the background
	 * @param batchSize papers embedded at once
	 * @param interval pause between two batches when nothing is waiting
	 */
	public record Embeddings(@DefaultValue("true") boolean enabled, @DefaultValue("32") @Min(1) @Max(512) int batchSize,
			@DefaultValue("5s") Duration interval) {

	}

	/**
	 * The preference centre's previews of the next digest, kept so that looking again
	 * costs no ranking. A preview is ranked again when the profile, the feedback or the
	 * last digest changes, and at the latest after {@code ttl} (new papers).
	 *
	 * @param maxEntries previews kept at most (the least recently used go first)
	 * @param ttl how long a preview is shown at most
	 */
	public record PreviewCache(@DefaultValue("10000") @Min(0) int maxEntries, @DefaultValue("15m") Duration ttl) {

	}

}
