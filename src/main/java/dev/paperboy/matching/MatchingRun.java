package dev.paperboy.matching;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.papers.PaperKeys;
import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;

/**
 * One matching run: the candidate papers of a moment loaded once (with their vectors,
 * popularity, recency, authors and categories indexed, and their pairwise similarities),
 * then any number of subscribers ranked against them, from any number of threads. Full
 * text matches are computed once per distinct keyword query and term for the whole run,
 * not once per subscriber. The formula is in docs/matching.md.
 */
public final class MatchingRun {

	private final MatchingProperties properties;

	private final PaperCandidates catalog;

	private final Instant now;

	private final List<Candidate> papers;

	private final int size;

	private final int dimensions;

	// Vectors row by row (size x dimensions), zero rows for papers without one.
	private final float[] matrix;

	private final boolean[] hasVector;

	private final double[] popularity;

	private final double[] recency;

	private final long[] firstSeen;

	private final Map<Long, Integer> indexById = new HashMap<>();

	private final Map<String, Integer> indexByReference = new HashMap<>();

	private final Map<String, int[]> byAuthor = new HashMap<>();

	private final Map<String, String> authorNames = new HashMap<>();

	private final Map<String, int[]> byCategory = new HashMap<>();

	// Lower triangle of the pool's pairwise cosine similarities, for liked papers of the
	// pool and for diversity.
	private final float[] similarities;

	private final Map<String, TermMatches> terms = new ConcurrentHashMap<>();

	// Per-thread working arrays: ranking a subscriber allocates next to nothing.
	private final ThreadLocal<Scratch> scratch;

	MatchingRun(List<Candidate> papers, Instant now, MatchingProperties properties, PaperCandidates catalog) {
		this.properties = properties;
		this.catalog = catalog;
		this.now = now;
		this.papers = List.copyOf(papers);
		this.size = papers.size();
		this.dimensions = papers.stream()
			.filter((paper) -> paper.vector() != null)
			.mapToInt((paper) -> paper.vector().length)
			.findFirst()
			.orElse(0);
		this.matrix = new float[this.size * this.dimensions];
		this.hasVector = new boolean[this.size];
		this.popularity = new double[this.size];
		this.recency = new double[this.size];
		this.firstSeen = new long[this.size];
		double maxUpvotes = papers.stream()
			.map((candidate) -> candidate.paper().upvotes())
			.filter(java.util.Objects::nonNull)
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		Map<String, List<Integer>> authors = new HashMap<>();
		Map<String, List<Integer>> categories = new HashMap<>();
		for (int i = 0; i < this.size; i++) {
			Candidate candidate = papers.get(i);
			Paper paper = candidate.paper();
			float[] vector = candidate.vector();
			if (vector != null && vector.length == this.dimensions) {
				System.arraycopy(vector, 0, this.matrix, i * this.dimensions, this.dimensions);
				this.hasVector[i] = true;
			}
			this.popularity[i] = popularity(paper, maxUpvotes);
			this.recency[i] = recency(paper, now);
			this.firstSeen[i] = paper.firstSeenAt().toEpochMilli();
			this.indexById.put(candidate.id(), i);
			for (String reference : references(paper)) {
				this.indexByReference.putIfAbsent(reference, i);
			}
			for (String author : paper.authors()) {
				String normalized = normalize(author);
				authors.computeIfAbsent(normalized, (key) -> new ArrayList<>()).add(i);
				this.authorNames.putIfAbsent(normalized + "\u0000" + i, author);
			}
			for (String category : paper.categories()) {
				categories.computeIfAbsent(category, (key) -> new ArrayList<>()).add(i);
			}
		}
		authors.forEach((name, indexes) -> this.byAuthor.put(name, toArray(indexes)));
		categories.forEach((name, indexes) -> this.byCategory.put(name, toArray(indexes)));
		int n = this.size;
		this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
		this.similarities = new float[this.size * (this.size + 1) / 2];
		for (int i = 0; i < this.size; i++) {
			for (int j = 0; j <= i; j++) {
				this.similarities[i * (i + 1) / 2 + j] = (this.hasVector[i] && this.hasVector[j])
						? dot(this.matrix, i * this.dimensions, this.matrix, j * this.dimensions, this.dimensions) : 0;
			}
		}
	}

	/**
	 * @return the row ids of the run's papers, for looking up which were sent already
	 */
	public List<Long> paperIds() {
		return this.papers.stream().map(Candidate::id).toList();
	}

	/**
	 * @return how many papers the run ranks
	 */
	public int size() {
		return this.size;
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
		Integer index = this.indexByReference.get(reference);
		if (index == null) {
			index = PaperKeys.arxivId(reference).map(this.indexByReference::get).orElse(null);
		}
		if (index == null) {
			index = this.indexByReference.get("title:" + PaperKeys.titleHash(reference));
		}
		return (index != null) ? this.papers.get(index) : null;
	}

	/**
	 * Computes, with one query, the full-text matches of every keyword query, term and
	 * exclusion not seen yet in this run (the query ranks the paper, its terms give the
	 * reasons, its exclusions filter). Callers ranking many subscribers call it once per
	 * page with all of their terms; {@link #select} calls it for what is still missing.
	 * @param profiles the profiles whose keyword terms to prepare
	 */
	public void prepareKeywords(Collection<Profile> profiles) {
		// One thread at a time: two pages starting together would otherwise both compute
		// the most common terms.
		synchronized (this.terms) {
			prepare(profiles);
		}
	}

	private void prepare(Collection<Profile> profiles) {
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
		if (missing.isEmpty() || this.size == 0) {
			missing.forEach((term) -> this.terms.putIfAbsent(term, TermMatches.NONE));
			return;
		}
		List<String> ordered = List.copyOf(missing);
		Map<Integer, Map<Long, Double>> ranks = this.catalog.termRanks(paperIds(), ordered);
		for (int t = 0; t < ordered.size(); t++) {
			Map<Long, Double> matches = ranks.getOrDefault(t, Map.of());
			int[] indexes = new int[matches.size()];
			float[] values = new float[matches.size()];
			int n = 0;
			for (Map.Entry<Long, Double> match : matches.entrySet()) {
				Integer index = this.indexById.get(match.getKey());
				if (index != null) {
					indexes[n] = index;
					values[n] = match.getValue().floatValue();
					n++;
				}
			}
			this.terms.putIfAbsent(ordered.get(t),
					new TermMatches(Arrays.copyOf(indexes, n), Arrays.copyOf(values, n)));
		}
	}

	/**
	 * Ranks the run's papers for one subscriber. Thread-safe.
	 * @param subject the subscriber's profile, vectors and exclusions
	 * @return the papers of their digest, best first
	 */
	public Selection select(Subject subject) {
		Profile profile = subject.profile();
		KeywordQuery keywords = KeywordQuery.parse(profile.keywords());
		if (!keywords.terms().isEmpty() || !keywords.exclusions().isEmpty()) {
			prepareKeywords(List.of(profile));
		}
		Scratch scratch = this.scratch.get();
		scratch.clear();
		boolean[] excluded = scratch.excluded;
		long since = subject.since().toEpochMilli();
		for (int i = 0; i < this.size; i++) {
			Candidate candidate = this.papers.get(i);
			excluded[i] = this.firstSeen[i] < since || subject.excludedIds().contains(candidate.id())
					|| subject.excludedKeys().contains(candidate.paper().key());
		}
		for (Candidate rated : subject.liked()) {
			exclude(excluded, rated);
		}
		for (Candidate rated : subject.disliked()) {
			exclude(excluded, rated);
		}
		for (String term : keywords.exclusions()) {
			for (int index : this.terms.get(term).indexes()) {
				excluded[index] = true;
			}
		}
		for (String category : profile.excludedCategories()) {
			for (int index : this.byCategory.getOrDefault(category, new int[0])) {
				excluded[index] = true;
			}
		}
		if (profile.minUpvotes() > 0) {
			for (int i = 0; i < this.size; i++) {
				Integer upvotes = this.papers.get(i).paper().upvotes();
				if (upvotes == null || upvotes < profile.minUpvotes()) {
					excluded[i] = true;
				}
			}
		}
		List<Candidate> liked = withVectors(subject.liked());
		List<Candidate> disliked = withVectors(subject.disliked());
		boolean trending = profile.interests().isBlank() && keywords.terms().isEmpty() && profile.authors().isEmpty()
				&& profile.followedCategories().isEmpty() && liked.isEmpty();
		return trending ? trending(excluded, profile.papersPerDigest())
				: score(subject, keywords, liked, disliked, scratch);
	}

	private Selection score(Subject subject, KeywordQuery keywords, List<Candidate> liked, List<Candidate> disliked,
			Scratch scratch) {
		boolean[] excluded = scratch.excluded;
		Profile profile = subject.profile();
		MatchingProperties.Weights weights = this.properties.weights();
		double semanticThreshold = this.properties.semanticThreshold();
		float[] interests = (profile.interests().isBlank() || subject.interests() == null
				|| subject.interests().length != this.dimensions) ? null : subject.interests();
		double[] semantic = scratch.semantic;
		if (interests != null) {
			for (int i = 0; i < this.size; i++) {
				if (!excluded[i] && this.hasVector[i]) {
					semantic[i] = Math.max(0, dot(interests, 0, this.matrix, i * this.dimensions, this.dimensions));
				}
			}
		}
		double[] likedSimilarity = scratch.liked;
		int[] closestLiked = scratch.closestLiked;
		similarities(liked, excluded, likedSimilarity, closestLiked);
		double[] dislikedSimilarity = scratch.disliked;
		similarities(disliked, excluded, dislikedSimilarity, null);
		double[] rank = scratch.rank;
		if (!keywords.terms().isEmpty()) {
			TermMatches matches = this.terms.get(keywords.positive());
			for (int m = 0; m < matches.indexes().length; m++) {
				rank[matches.indexes()[m]] = matches.ranks()[m];
			}
		}
		int[] author = scratch.author;
		List<String> followed = profile.authors();
		for (int a = 0; a < followed.size(); a++) {
			for (int index : this.byAuthor.getOrDefault(normalize(followed.get(a)), new int[0])) {
				if (author[index] < 0) {
					author[index] = a;
				}
			}
		}
		int[] category = scratch.category;
		List<String> categories = profile.followedCategories();
		for (int c = 0; c < categories.size(); c++) {
			for (int index : this.byCategory.getOrDefault(categories.get(c), new int[0])) {
				if (category[index] < 0) {
					category[index] = c;
				}
			}
		}
		// Authors of the papers the subscriber liked or disliked, learned from their
		// feedback: the index of the liked paper, or -2 for a disliked one.
		int[] learned = scratch.learned;
		learn(subject.disliked(), -2, learned);
		for (int l = 0; l < subject.liked().size(); l++) {
			learn(List.of(subject.liked().get(l)), l, learned);
		}
		double threshold = this.properties.threshold();
		List<Scored> relevant = new ArrayList<>();
		for (int i = 0; i < this.size; i++) {
			if (excluded[i]) {
				continue;
			}
			double closeness = Math.max(semantic[i], likedSimilarity[i]);
			boolean likedAuthor = author[i] < 0 && learned[i] >= 0;
			boolean dislikedAuthor = author[i] < 0 && learned[i] == -2;
			boolean isRelevant = rank[i] > 0 || author[i] >= 0 || category[i] >= 0 || closeness >= semanticThreshold
					|| likedAuthor;
			if (!isRelevant) {
				continue;
			}
			double score = weights.semantic() * (closeness - dislikedSimilarity[i])
					+ weights.keyword() * (rank[i] / (rank[i] + 0.1)) + ((author[i] >= 0) ? weights.author() : 0)
					+ ((category[i] >= 0) ? weights.category() : 0) + weights.popularity() * this.popularity[i]
					+ weights.recency() * this.recency[i] + (likedAuthor ? weights.learnedAuthor() : 0)
					- (dislikedAuthor ? weights.learnedAuthor() : 0);
			if (score >= threshold) {
				relevant.add(new Scored(i, score));
			}
		}
		List<Scored> picked = diversify(relevant, profile.papersPerDigest());
		List<Match> matches = new ArrayList<>(picked.size());
		for (Scored scored : picked) {
			int i = scored.index();
			Paper paper = this.papers.get(i).paper();
			List<String> reasons = new ArrayList<>();
			for (String term : keywords.terms()) {
				if (matchesTerm(term, i)) {
					reasons.add("matches your keyword '" + KeywordQuery.label(term) + "'");
				}
			}
			if (author[i] >= 0) {
				String name = this.authorNames.getOrDefault(normalize(followed.get(author[i])) + "\u0000" + i,
						followed.get(author[i]));
				reasons.add("by " + name + ", whom you follow");
			}
			if (author[i] < 0 && learned[i] >= 0) {
				Candidate source = subject.liked().get(learned[i]);
				reasons.add("by " + sharedAuthor(source.paper(), i) + ", an author of " + quote(source.paper().title())
						+ ", which you liked");
			}
			if (semantic[i] >= semanticThreshold) {
				reasons.add("close to your interest in " + quote(profile.interests()));
			}
			if (closestLiked[i] >= 0 && likedSimilarity[i] >= semanticThreshold) {
				reasons.add("similar to " + quote(liked.get(closestLiked[i]).paper().title()) + ", which you liked");
			}
			if (category[i] >= 0) {
				reasons.add("in " + categories.get(category[i]) + ", a category you follow");
			}
			addTrending(paper, reasons);
			matches.add(match(i, scored.score(), reasons));
		}
		return new Selection(matches, false);
	}

	private Selection trending(boolean[] excluded, int size) {
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < this.size; i++) {
			if (!excluded[i]) {
				scored.add(new Scored(i, 0.8 * this.popularity[i] + 0.2 * this.recency[i]));
			}
		}
		List<Match> matches = new ArrayList<>();
		for (Scored pick : diversify(scored, size)) {
			List<String> reasons = new ArrayList<>();
			addTrending(this.papers.get(pick.index()).paper(), reasons);
			if (reasons.isEmpty()) {
				reasons.add("among the newest papers");
			}
			matches.add(match(pick.index(), pick.score(), reasons));
		}
		return new Selection(matches, true);
	}

	private Match match(int index, double score, List<String> reasons) {
		Candidate candidate = this.papers.get(index);
		return new Match(candidate.paper().key(), candidate.paper().title(), Math.round(score * 1000) / 1000.0,
				List.copyOf(reasons), candidate.paper(), candidate.id());
	}

	private void learn(List<Candidate> rated, int mark, int[] learned) {
		for (Candidate paper : rated) {
			Integer own = this.indexById.get(paper.id());
			for (String name : paper.paper().authors()) {
				for (int index : this.byAuthor.getOrDefault(normalize(name), new int[0])) {
					if ((own == null || index != own) && learned[index] == -1) {
						learned[index] = mark;
					}
				}
			}
		}
	}

	private String sharedAuthor(Paper liked, int index) {
		for (String name : liked.authors()) {
			String normalized = normalize(name);
			String shown = this.authorNames.get(normalized + "\u0000" + index);
			if (shown != null) {
				return shown;
			}
		}
		return liked.authors().isEmpty() ? "" : liked.authors().get(0);
	}

	private boolean matchesTerm(String term, int index) {
		for (int matched : this.terms.get(term).indexes()) {
			if (matched == index) {
				return true;
			}
		}
		return false;
	}

	private void exclude(boolean[] excluded, Candidate rated) {
		Integer index = this.indexById.get(rated.id());
		if (index != null) {
			excluded[index] = true;
		}
	}

	// The highest similarity of each paper to any of the given ones (and which one).
	private void similarities(List<Candidate> references, boolean[] excluded, double[] best, int @Nullable [] which) {
		for (int r = 0; r < references.size(); r++) {
			Candidate reference = references.get(r);
			Integer pooled = this.indexById.get(reference.id());
			float[] vector = reference.vector();
			if (vector == null || vector.length != this.dimensions) {
				continue;
			}
			for (int i = 0; i < this.size; i++) {
				if (excluded[i] || !this.hasVector[i]) {
					continue;
				}
				double similarity = (pooled != null) ? similarity(i, pooled)
						: dot(vector, 0, this.matrix, i * this.dimensions, this.dimensions);
				if (similarity > best[i]) {
					best[i] = similarity;
					if (which != null) {
						which[i] = r;
					}
				}
			}
		}
	}

	// Maximal marginal relevance: each pick trades its score against its similarity to
	// the papers already picked. Exact, but lazy: the list is sorted by score and a
	// paper's value is at most lambda * score, so the scan stops at the first paper that
	// cannot beat the best value found, and a paper's redundancy is brought up to date
	// only when the scan reaches it.
	private List<Scored> diversify(List<Scored> ranked, int size) {
		double lambda = this.properties.diversity();
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
					redundancy[r] = Math.max(redundancy[r], similarity(candidate.index(), picked.get(seen[r]).index()));
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

	private double similarity(int i, int j) {
		return (i >= j) ? this.similarities[i * (i + 1) / 2 + j] : this.similarities[j * (j + 1) / 2 + i];
	}

	private void addTrending(Paper paper, List<String> reasons) {
		if (paper.upvotes() != null && paper.upvotes() >= this.properties.trendingUpvotes()) {
			reasons.add("trending: " + paper.upvotes() + " upvotes");
		}
	}

	private static List<Candidate> withVectors(List<Candidate> papers) {
		return papers.stream().filter((paper) -> paper.vector() != null).toList();
	}

	static Set<String> references(Paper paper) {
		Set<String> references = new HashSet<>();
		references.add(paper.key());
		if (paper.arxivId() != null) {
			references.add(paper.arxivId());
		}
		references.add("title:" + PaperKeys.titleHash(paper.title()));
		return references;
	}

	// Four accumulators: the JIT keeps them in registers and pipelines the multiplies.
	static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < length; i += 4) {
			s0 += a[aOffset + i] * b[bOffset + i];
			s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
			s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
			s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
		}
		for (; i < length; i++) {
			s0 += a[aOffset + i] * b[bOffset + i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	private static int[] toArray(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	private static double popularity(Paper paper, double maxUpvotes) {
		if (paper.upvotes() == null || maxUpvotes <= 0) {
			return 0;
		}
		return Math.log1p(paper.upvotes()) / Math.log1p(maxUpvotes);
	}

	private static double recency(Paper paper, Instant now) {
		double days = Math.max(0, Duration.between(paper.firstSeenAt(), now).toHours() / 24.0);
		return Math.exp(-days / 3);
	}

	static String normalize(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	private static String quote(String interests) {
		String text = interests.strip();
		return (text.length() <= 60) ? "'" + text + "'" : "'" + text.substring(0, 57) + "…'";
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

	private record Scored(int index, double score) {
	}

	private static final class Scratch {

		final boolean[] excluded;

		final double[] semantic;

		final double[] liked;

		final int[] closestLiked;

		final double[] disliked;

		final double[] rank;

		final int[] author;

		final int[] category;

		final int[] learned;

		Scratch(int size) {
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
			Arrays.fill(this.learned, -1);
		}

	}

	private record TermMatches(int[] indexes, float[] ranks) {

		static final TermMatches NONE = new TermMatches(new int[0], new float[0]);

	}

}
