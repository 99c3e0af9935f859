package dev.paperboy.matching;

import java.util.Arrays;
import java.util.List;

import dev.paperboy.papers.Candidate;

/**
 * One subscriber's signals for every paper of a run, in arrays indexed like the pool.
 * Each thread keeps one instance and clears it between subscribers, so ranking a
 * subscriber allocates next to nothing.
 */
final class Signals {

	// Marks in learned: no learned author, or an author of a disliked paper (otherwise
	// the index of the liked paper).
	private static final int NOT_LEARNED = -1;

	static final int DISLIKED = -2;

	/** Papers filtered out, whatever their score. */
	final boolean[] excluded;

	/** Similarity to the interests, at least 0. */
	final double[] semantic;

	/** Similarity to the closest liked paper. */
	final double[] liked;

	/** Which liked paper is the closest, or -1. */
	final int[] closestLiked;

	/** Similarity to the closest disliked paper. */
	final double[] disliked;

	/** Full-text rank for the keywords. */
	final double[] rank;

	/** The first followed author of the paper (their index in the profile), or -1. */
	final int[] author;

	/** The first followed category of the paper (its index in the profile), or -1. */
	final int[] category;

	/** The liked paper one of whose authors wrote it, -2 for a disliked one, or -1. */
	final int[] learned;

	Signals(int size) {
		this.excluded = new boolean[size];
		this.semantic = new double[size];
		this.liked = new double[size];
		this.closestLiked = new int[size];
		this.disliked = new double[size];
		this.rank = new double[size];
		this.author = new int[size];
		this.category = new int[size];
		this.learned = new int[size];
	}

	void clear() {
		Arrays.fill(this.excluded, false);
		Arrays.fill(this.semantic, 0);
		Arrays.fill(this.liked, 0);
		Arrays.fill(this.closestLiked, -1);
		Arrays.fill(this.disliked, 0);
		Arrays.fill(this.rank, 0);
		Arrays.fill(this.author, -1);
		Arrays.fill(this.category, -1);
		Arrays.fill(this.learned, NOT_LEARNED);
	}

	/**
	 * @param interests the interests vector, of the pool's dimensions
	 */
	void semantic(CandidatePool pool, float[] interests) {
		pool.similarities(interests, this.excluded, this.semantic);
	}

	void liked(CandidatePool pool, List<Candidate> liked) {
		pool.closest(liked, this.excluded, this.liked, this.closestLiked);
	}

	void disliked(CandidatePool pool, List<Candidate> disliked) {
		pool.closest(disliked, this.excluded, this.disliked, null);
	}

	void keywords(KeywordMatches.TermMatches matches) {
		for (int m = 0; m < matches.indexes().length; m++) {
			this.rank[matches.indexes()[m]] = matches.ranks()[m];
		}
	}

	void followedAuthors(CandidatePool pool, List<String> followed) {
		for (int a = 0; a < followed.size(); a++) {
			for (int index : pool.byAuthor(CandidatePool.normalize(followed.get(a)))) {
				if (this.author[index] < 0) {
					this.author[index] = a;
				}
			}
		}
	}

	void followedCategories(CandidatePool pool, List<String> followed) {
		for (int c = 0; c < followed.size(); c++) {
			for (int index : pool.byCategory(followed.get(c))) {
				if (this.category[index] < 0) {
					this.category[index] = c;
				}
			}
		}
	}

	// Authors of the papers the subscriber liked or disliked, learned from their
	// feedback; a disliked paper's authors are marked first, so they win a tie.
	void learnedAuthors(CandidatePool pool, List<Candidate> liked, List<Candidate> disliked) {
		learn(pool, disliked, DISLIKED);
		for (int l = 0; l < liked.size(); l++) {
			learn(pool, List.of(liked.get(l)), l);
		}
	}

	/**
	 * @return the paper's similarity to the interests or the closest liked paper
	 */
	double closeness(int index) {
		return Math.max(this.semantic[index], this.liked[index]);
	}

	boolean followedAuthor(int index) {
		return this.author[index] >= 0;
	}

	boolean followedCategory(int index) {
		return this.category[index] >= 0;
	}

	/**
	 * @return whether an author of a liked paper wrote it (and no followed author did)
	 */
	boolean likedAuthor(int index) {
		return this.author[index] < 0 && this.learned[index] >= 0;
	}

	/**
	 * @return whether an author of a disliked paper wrote it (and no followed author did)
	 */
	boolean dislikedAuthor(int index) {
		return this.author[index] < 0 && this.learned[index] == DISLIKED;
	}

	private void learn(CandidatePool pool, List<Candidate> rated, int mark) {
		for (Candidate paper : rated) {
			Integer own = pool.index(paper.id());
			for (String name : paper.paper().authors()) {
				for (int index : pool.byAuthor(CandidatePool.normalize(name))) {
					if ((own == null || index != own) && this.learned[index] == NOT_LEARNED) {
						this.learned[index] = mark;
					}
				}
			}
		}
	}

}
