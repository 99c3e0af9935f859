package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.Paper;
import dev.paperboy.subscription.Profile;

/**
 * Why a paper was picked, in short human sentences, in a fixed order: keywords, followed
 * authors, authors of liked papers, interests, liked papers, categories, trending.
 *
 * @param pool the papers
 * @param semanticThreshold least similarity that counts as close to the interests
 * @param trendingUpvotes upvotes from which a paper is trending
 */
record Reasons(CandidatePool pool, double semanticThreshold, int trendingUpvotes) {

	/**
	 * @param index the picked paper
	 * @param signals the subscriber's signals
	 * @param profile the subscriber's profile
	 * @param keywords their keyword query
	 * @param matches the run's keyword matches
	 * @param liked the papers they like, with vectors or not (learned authors index
	 * these)
	 * @param likedWithVectors the papers they like that have a vector (closeness indexes
	 * these)
	 * @return the reasons
	 */
	List<String> of(int index, Signals signals, Profile profile, KeywordQuery keywords, KeywordMatches matches,
			List<Candidate> liked, List<Candidate> likedWithVectors) {
		List<String> reasons = new ArrayList<>();
		for (String term : keywords.terms()) {
			if (matches.matches(term, index)) {
				reasons.add("matches your keyword '" + KeywordQuery.label(term) + "'");
			}
		}
		if (signals.followedAuthor(index)) {
			reasons
				.add("by " + followedAuthor(profile.authors().get(signals.author[index]), index) + ", whom you follow");
		}
		if (signals.likedAuthor(index)) {
			Paper source = liked.get(signals.learned[index]).paper();
			reasons.add("by " + sharedAuthor(source, index) + ", an author of " + quote(source.title())
					+ ", which you liked");
		}
		if (signals.semantic[index] >= this.semanticThreshold) {
			reasons.add("close to your interest in " + quote(profile.interests()));
		}
		if (signals.closestLiked[index] >= 0 && signals.liked[index] >= this.semanticThreshold) {
			reasons.add("similar to " + quote(likedWithVectors.get(signals.closestLiked[index]).paper().title())
					+ ", which you liked");
		}
		if (signals.followedCategory(index)) {
			reasons.add("in " + profile.followedCategories().get(signals.category[index]) + ", a category you follow");
		}
		trending(this.pool.paper(index), reasons);
		return reasons;
	}

	/**
	 * @param paper a picked paper
	 * @param reasons its reasons so far, to which a trending one is added when it has
	 * enough upvotes
	 */
	void trending(Paper paper, List<String> reasons) {
		if (paper.upvotes() != null && paper.upvotes() >= this.trendingUpvotes) {
			reasons.add("trending: " + paper.upvotes() + " upvotes");
		}
	}

	// The followed author as the paper spells them (accents, initials).
	private String followedAuthor(String followed, int index) {
		String shown = this.pool.authorName(CandidatePool.normalize(followed), index);
		return (shown != null) ? shown : followed;
	}

	private String sharedAuthor(Paper liked, int index) {
		for (String name : liked.authors()) {
			String shown = this.pool.authorName(CandidatePool.normalize(name), index);
			if (shown != null) {
				return shown;
			}
		}
		return liked.authors().isEmpty() ? "" : liked.authors().get(0);
	}

	static String quote(String text) {
		String stripped = text.strip();
		return (stripped.length() <= 60) ? "'" + stripped + "'" : "'" + stripped.substring(0, 57) + "…'";
	}

}
