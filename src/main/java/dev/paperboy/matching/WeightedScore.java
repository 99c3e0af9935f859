package dev.paperboy.matching;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A paper's score for one subscriber: each signal times its weight, summed (the formula
 * of docs/matching.md), and the test of whether a paper is relevant at all. The parts are
 * added in one fixed order, so a score is the same to the last bit whoever computes it.
 *
 * @param weights how much each signal counts
 * @param semanticThreshold least similarity that counts as close to the interests
 */
record WeightedScore(MatchingProperties.Weights weights, double semanticThreshold) {

	/**
	 * A paper is relevant when something the subscriber asked for points at it: a
	 * keyword, a followed author or category, closeness to their interests or liked
	 * papers, or an author of a paper they liked. Popularity and recency alone never make
	 * it relevant.
	 */
	boolean relevant(double keywordRank, boolean followedAuthor, boolean followedCategory, double closeness,
			boolean likedAuthor) {
		return keywordRank > 0 || followedAuthor || followedCategory || closeness >= this.semanticThreshold
				|| likedAuthor;
	}

	/**
	 * @param closeness similarity to the interests or the closest liked paper
	 * @param dislikedCloseness similarity to the closest disliked paper
	 * @param keywordRank full-text rank for the keywords, 0 when none match
	 * @param followedAuthor by a followed author
	 * @param followedCategory in a followed category
	 * @param popularity the popularity signal, 0 to 1
	 * @param recency the recency signal, 0 to 1
	 * @param likedAuthor by an author of a liked paper (and no followed author)
	 * @param dislikedAuthor by an author of a disliked paper (and no followed author)
	 * @return the score
	 */
	double score(double closeness, double dislikedCloseness, double keywordRank, boolean followedAuthor,
			boolean followedCategory, double popularity, double recency, boolean likedAuthor, boolean dislikedAuthor) {
		return semantic(closeness, dislikedCloseness) + keyword(keywordRank) + author(followedAuthor)
				+ category(followedCategory) + popularity(popularity) + recency(recency) + learnedAuthor(likedAuthor)
				- learnedAuthor(dislikedAuthor);
	}

	double semantic(double closeness, double dislikedCloseness) {
		return this.weights.semantic() * (closeness - dislikedCloseness);
	}

	// Saturates: a rank of 0.1 gives half the weight, the strongest matches nearly all.
	double keyword(double rank) {
		return this.weights.keyword() * (rank / (rank + 0.1));
	}

	double author(boolean followed) {
		return followed ? this.weights.author() : 0;
	}

	double category(boolean followed) {
		return followed ? this.weights.category() : 0;
	}

	double popularity(double popularity) {
		return this.weights.popularity() * popularity;
	}

	double recency(double recency) {
		return this.weights.recency() * recency;
	}

	double learnedAuthor(boolean learned) {
		return learned ? this.weights.learnedAuthor() : 0;
	}

	/**
	 * The score of a trending pick, for subscribers with nothing to match.
	 */
	static double trending(double popularity, double recency) {
		return 0.8 * popularity + 0.2 * recency;
	}

	/**
	 * @param upvotes the paper's upvotes, if it has any
	 * @param maxUpvotes the most upvotes of a candidate
	 * @return 0 to 1 on a log scale, 1 for the most upvoted candidate
	 */
	static double popularity(@Nullable Integer upvotes, double maxUpvotes) {
		if (upvotes == null || maxUpvotes <= 0) {
			return 0;
		}
		return Math.log1p(upvotes) / Math.log1p(maxUpvotes);
	}

	/**
	 * @param firstSeen when the paper was first seen
	 * @param now the time of the run
	 * @return 1 for a paper seen now, falling by a factor e every three days
	 */
	static double recency(Instant firstSeen, Instant now) {
		double days = Math.max(0, Duration.between(firstSeen, now).toHours() / 24.0);
		return Math.exp(-days / 3);
	}

}
