package dev.paperboy.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.paperboy.matching.Diversity.Scored;
import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;

/**
 * One matching run: the candidate papers of a moment loaded once (a
 * {@link CandidatePool}: vectors, popularity, recency, authors, categories and pairwise
 * similarities indexed), then any number of subscribers ranked against them, from any
 * number of threads. Full text matches are computed once per distinct keyword query and
 * term for the whole run ({@link KeywordMatches}), not once per subscriber. A
 * subscriber's ranking is their {@link Signals}, a {@link WeightedScore} over them,
 * {@link Diversity} among the relevant papers, and {@link Reasons} for each pick. The
 * formula is in docs/matching.md.
 */
public final class MatchingRun {

	private final Instant now;

	private final CandidatePool pool;

	private final KeywordMatches keywords;

	private final WeightedScore score;

	private final double threshold;

	private final Diversity diversity;

	private final Reasons reasons;

	// Per-thread working arrays: ranking a subscriber allocates next to nothing.
	private final ThreadLocal<Signals> signals;

	MatchingRun(List<Candidate> papers, Instant now, MatchingProperties properties, PaperCandidates catalog) {
		this.now = now;
		this.pool = new CandidatePool(papers, now);
		this.keywords = new KeywordMatches(catalog, this.pool);
		this.score = new WeightedScore(properties.weights(), properties.semanticThreshold());
		this.threshold = properties.threshold();
		this.diversity = new Diversity(properties.diversity(), this.pool);
		this.reasons = new Reasons(this.pool, properties.semanticThreshold(), properties.trendingUpvotes());
		int size = this.pool.size();
		this.signals = ThreadLocal.withInitial(() -> new Signals(size));
	}

	/**
	 * @return the row ids of the run's papers, for looking up which were sent already
	 */
	public List<Long> paperIds() {
		return this.pool.papers().stream().map(Candidate::id).toList();
	}

	/**
	 * @return how many papers the run ranks
	 */
	public int size() {
		return this.pool.size();
	}

	/**
	 * @return the time the run ranks for
	 */
	public Instant now() {
		return this.now;
	}

	/**
	 * Looks up a paper reference (key, arXiv id in any form, or exact title) among the
	 * run's papers.
	 * @param reference the reference
	 * @return the paper, or null when it is not one of the run's
	 */
	@Nullable Candidate find(String reference) {
		return this.pool.find(reference);
	}

	/**
	 * Computes, with one query, the full-text matches of every keyword query, term and
	 * exclusion not seen yet in this run. Callers ranking many subscribers call it once
	 * per page with all of their profiles; {@link #select} calls it for what is still
	 * missing.
	 * @param profiles the profiles whose keyword terms to prepare
	 */
	void prepareKeywords(Collection<Profile> profiles) {
		this.keywords.prepare(profiles);
	}

	/**
	 * Ranks the run's papers for one subscriber. Thread-safe.
	 * @param subject the subscriber's profile, vectors and exclusions
	 * @return the papers of their digest, best first
	 */
	public Selection select(Subject subject) {
		Profile profile = subject.profile();
		KeywordQuery query = KeywordQuery.parse(profile.keywords());
		if (!query.terms().isEmpty() || !query.exclusions().isEmpty()) {
			prepareKeywords(List.of(profile));
		}
		Signals signals = this.signals.get();
		signals.clear();
		exclude(subject, query, signals.excluded);
		List<Candidate> liked = withVectors(subject.liked());
		List<Candidate> disliked = withVectors(subject.disliked());
		boolean trending = profile.interests().isBlank() && query.terms().isEmpty() && profile.authors().isEmpty()
				&& profile.followedCategories().isEmpty() && liked.isEmpty();
		return trending ? trending(signals.excluded, profile.papersPerDigest())
				: score(subject, query, liked, disliked, signals);
	}

	// The hard filters: papers seen before the subscriber's window, already sent or
	// rated, matching an excluded keyword, in an excluded category, or below the least
	// upvotes.
	private void exclude(Subject subject, KeywordQuery query, boolean[] excluded) {
		Profile profile = subject.profile();
		long since = subject.since().toEpochMilli();
		for (int i = 0; i < this.pool.size(); i++) {
			Candidate candidate = this.pool.candidate(i);
			excluded[i] = this.pool.firstSeen(i) < since || subject.excludedIds().contains(candidate.id())
					|| subject.excludedKeys().contains(candidate.paper().key());
		}
		for (Candidate rated : subject.liked()) {
			exclude(excluded, rated);
		}
		for (Candidate rated : subject.disliked()) {
			exclude(excluded, rated);
		}
		for (String term : query.exclusions()) {
			for (int index : this.keywords.get(term).indexes()) {
				excluded[index] = true;
			}
		}
		for (String category : profile.excludedCategories()) {
			for (int index : this.pool.byCategory(category)) {
				excluded[index] = true;
			}
		}
		if (profile.minUpvotes() > 0) {
			for (int i = 0; i < this.pool.size(); i++) {
				Integer upvotes = this.pool.paper(i).upvotes();
				if (upvotes == null || upvotes < profile.minUpvotes()) {
					excluded[i] = true;
				}
			}
		}
	}

	private void exclude(boolean[] excluded, Candidate rated) {
		Integer index = this.pool.index(rated.id());
		if (index != null) {
			excluded[index] = true;
		}
	}

	private Selection score(Subject subject, KeywordQuery query, List<Candidate> liked, List<Candidate> disliked,
			Signals signals) {
		Profile profile = subject.profile();
		float[] interests = subject.interests();
		if (!profile.interests().isBlank() && this.pool.fits(interests)) {
			signals.semantic(this.pool, interests);
		}
		signals.liked(this.pool, liked);
		signals.disliked(this.pool, disliked);
		if (!query.terms().isEmpty()) {
			signals.keywords(this.keywords.get(query.positive()));
		}
		signals.followedAuthors(this.pool, profile.authors());
		signals.followedCategories(this.pool, profile.followedCategories());
		signals.learnedAuthors(this.pool, subject.liked(), subject.disliked());
		List<Scored> picked = this.diversity.pick(relevant(signals), profile.papersPerDigest());
		List<Match> matches = new ArrayList<>(picked.size());
		for (Scored scored : picked) {
			List<String> reasons = this.reasons.of(scored.index(), signals, profile, query, this.keywords,
					subject.liked(), liked);
			matches.add(match(scored.index(), scored.score(), reasons));
		}
		return new Selection(matches, false);
	}

	// The papers that something the subscriber asked for points at and that score at
	// least the threshold. Hot: the arrays are read into locals once.
	private List<Scored> relevant(Signals signals) {
		boolean[] excluded = signals.excluded;
		double[] semantic = signals.semantic;
		double[] liked = signals.liked;
		double[] disliked = signals.disliked;
		double[] rank = signals.rank;
		int[] author = signals.author;
		int[] category = signals.category;
		int[] learned = signals.learned;
		WeightedScore score = this.score;
		List<Scored> relevant = new ArrayList<>();
		for (int i = 0; i < this.pool.size(); i++) {
			if (excluded[i]) {
				continue;
			}
			double closeness = Math.max(semantic[i], liked[i]);
			boolean likedAuthor = author[i] < 0 && learned[i] >= 0;
			boolean dislikedAuthor = author[i] < 0 && learned[i] == Signals.DISLIKED;
			if (!score.relevant(rank[i], author[i] >= 0, category[i] >= 0, closeness, likedAuthor)) {
				continue;
			}
			double value = score.score(closeness, disliked[i], rank[i], author[i] >= 0, category[i] >= 0,
					this.pool.popularity(i), this.pool.recency(i), likedAuthor, dislikedAuthor);
			if (value >= this.threshold) {
				relevant.add(new Scored(i, value));
			}
		}
		return relevant;
	}

	private Selection trending(boolean[] excluded, int size) {
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < this.pool.size(); i++) {
			if (!excluded[i]) {
				scored.add(new Scored(i, WeightedScore.trending(this.pool.popularity(i), this.pool.recency(i))));
			}
		}
		List<Match> matches = new ArrayList<>();
		for (Scored pick : this.diversity.pick(scored, size)) {
			List<String> reasons = new ArrayList<>();
			this.reasons.trending(this.pool.paper(pick.index()), reasons);
			if (reasons.isEmpty()) {
				reasons.add("among the newest papers");
			}
			matches.add(match(pick.index(), pick.score(), reasons));
		}
		return new Selection(matches, true);
	}

	private Match match(int index, double score, List<String> reasons) {
		Candidate candidate = this.pool.candidate(index);
		return new Match(candidate.paper().key(), candidate.paper().title(), Math.round(score * 1000) / 1000.0,
				List.copyOf(reasons), candidate.paper(), candidate.id());
	}

	private static List<Candidate> withVectors(List<Candidate> papers) {
		return papers.stream().filter((paper) -> paper.vector() != null).toList();
	}

	/**
	 * One subscriber, as the run ranks them.
	 *
	 * @param profile what they want
	 * @param interests the vector of their interests sentence, or null
	 * @param liked papers they like (with vectors when they have one)
	 * @param disliked papers they said "less like this" about
	 * @param excludedIds row ids of papers never to pick (already sent)
	 * @param excludedKeys keys of papers never to pick
	 * @param since only papers first seen at or after this
	 */
	public record Subject(Profile profile, float @Nullable [] interests, List<Candidate> liked,
			List<Candidate> disliked, Set<Long> excludedIds, Set<String> excludedKeys, Instant since) {

	}

}
