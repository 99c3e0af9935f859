package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance: each pick trades its score against its similarity to the
 * papers already picked, so a digest is not several near-copies of one paper.
 *
 * @param lambda the weight of the score against novelty: 1 picks by score alone
 * @param pool the papers, for their pairwise similarities
 */
record Diversity(double lambda, CandidatePool pool) {

	/**
	 * Exact, but lazy: the list is sorted by score and a paper's value is at most lambda
	 * times its score, so the scan stops at the first paper that cannot beat the best
	 * value found, and a paper's redundancy is brought up to date only when the scan
	 * reaches it.
	 * @param ranked the relevant papers with their scores, in any order
	 * @param size how many to pick at most
	 * @return the picks, in the order picked
	 */
	List<Scored> pick(List<Scored> ranked, int size) {
		double lambda = this.lambda;
		CandidatePool pool = this.pool;
		List<Scored> remaining = new ArrayList<>(ranked);
		remaining.sort((a, b) -> Double.compare(b.score(), a.score()));
		List<Scored> picked = new ArrayList<>();
		double[] redundancy = new double[remaining.size()];
		int[] seen = new int[remaining.size()];
		boolean[] taken = new boolean[remaining.size()];
		while (picked.size() < size && picked.size() < remaining.size()) {
			int best = -1;
			double bestValue = Double.NEGATIVE_INFINITY;
			for (int r = 0; r < remaining.size(); r++) {
				if (taken[r]) {
					continue;
				}
				Scored candidate = remaining.get(r);
				if (best >= 0 && lambda * candidate.score() <= bestValue) {
					break;
				}
				for (; seen[r] < picked.size(); seen[r]++) {
					redundancy[r] = Math.max(redundancy[r],
							pool.similarity(candidate.index(), picked.get(seen[r]).index()));
				}
				double value = lambda * candidate.score() - (1 - lambda) * redundancy[r];
				if (value > bestValue) {
					bestValue = value;
					best = r;
				}
			}
			taken[best] = true;
			picked.add(remaining.get(best));
		}
		return picked;
	}

	/**
	 * A paper of the pool with its score.
	 *
	 * @param index the paper's index in the pool
	 * @param score its score
	 */
	record Scored(int index, double score) {

	}

}
