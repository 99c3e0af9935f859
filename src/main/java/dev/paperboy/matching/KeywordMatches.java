package dev.paperboy.matching;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.subscription.Profile;

/**
 * The full-text matches of a run's papers, computed once per distinct keyword query and
 * term for the whole run, not once per subscriber: a query ranks the paper, its terms
 * give the reasons, its exclusions filter.
 */
final class KeywordMatches {

	private final PaperCandidates catalog;

	private final CandidatePool pool;

	private final Map<String, TermMatches> terms = new ConcurrentHashMap<>();

	KeywordMatches(PaperCandidates catalog, CandidatePool pool) {
		this.catalog = catalog;
		this.pool = pool;
	}

	/**
	 * Computes, with one query, the matches of every keyword query, term and exclusion of
	 * the profiles not seen yet in this run.
	 * @param profiles the profiles whose keyword terms to prepare
	 */
	void prepare(Collection<Profile> profiles) {
		// One thread at a time: two pages starting together would otherwise both compute
		// the most common terms.
		synchronized (this.terms) {
			prepareMissing(profiles);
		}
	}

	/**
	 * @param term a prepared term, phrase or query
	 * @return the papers that match it
	 */
	TermMatches get(String term) {
		return this.terms.get(term);
	}

	/**
	 * @return whether a paper matches a prepared term
	 */
	boolean matches(String term, int index) {
		for (int matched : this.terms.get(term).indexes()) {
			if (matched == index) {
				return true;
			}
		}
		return false;
	}

	private void prepareMissing(Collection<Profile> profiles) {
		Set<String> missing = new LinkedHashSet<>();
		for (Profile profile : profiles) {
			KeywordQuery query = KeywordQuery.parse(profile.keywords());
			if (!query.terms().isEmpty() && !this.terms.containsKey(query.positive())) {
				missing.add(query.positive());
			}
			for (String term : query.terms()) {
				if (!this.terms.containsKey(term)) {
					missing.add(term);
				}
			}
			for (String term : query.exclusions()) {
				if (!this.terms.containsKey(term)) {
					missing.add(term);
				}
			}
		}
		if (missing.isEmpty() || this.pool.size() == 0) {
			missing.forEach((term) -> this.terms.putIfAbsent(term, TermMatches.NONE));
			return;
		}
		List<String> ordered = List.copyOf(missing);
		List<Long> ids = this.pool.papers().stream().map(Candidate::id).toList();
		Map<Integer, Map<Long, Double>> ranks = this.catalog.termRanks(ids, ordered);
		for (int t = 0; t < ordered.size(); t++) {
			this.terms.putIfAbsent(ordered.get(t), matches(ranks.getOrDefault(t, Map.of())));
		}
	}

	private TermMatches matches(Map<Long, Double> ranks) {
		int[] indexes = new int[ranks.size()];
		float[] values = new float[ranks.size()];
		int n = 0;
		for (Map.Entry<Long, Double> match : ranks.entrySet()) {
			Integer index = this.pool.index(match.getKey());
			if (index != null) {
				indexes[n] = index;
				values[n] = match.getValue().floatValue();
				n++;
			}
		}
		return new TermMatches(Arrays.copyOf(indexes, n), Arrays.copyOf(values, n));
	}

	/**
	 * The papers that match a term.
	 *
	 * @param indexes the papers, by index in the pool
	 * @param ranks their full-text ranks, in the same order
	 */
	record TermMatches(int[] indexes, float[] ranks) {

		static final TermMatches NONE = new TermMatches(new int[0], new float[0]);

	}

}
