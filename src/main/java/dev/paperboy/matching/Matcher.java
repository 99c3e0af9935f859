package dev.paperboy.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Ranks recent papers for one subscriber: hard filters first (excluded keywords, papers
 * already sent), then a weighted score of semantic similarity, keyword rank, followed
 * authors, categories, popularity and recency, a relevance threshold, and maximal
 * marginal relevance so a digest is not several near-copies of one paper. Every pick
 * carries its reasons. With no profile at all, the period's trending papers. The formula
 * is in docs/matching.md.
 */
@Service
public class Matcher {

	private final PaperCandidates candidates;

	private final TextEmbedder embedder;

	private final MatchingProperties properties;

	Matcher(PaperCandidates candidates, TextEmbedder embedder, MatchingProperties properties) {
		this.candidates = candidates;
		this.embedder = embedder;
		this.properties = properties;
	}

	/**
	 * @param profile what the subscriber wants
	 * @param alreadySent keys of papers the subscriber already received
	 * @param now the time of the digest
	 * @return the papers of the next digest, best first
	 */
	public Selection select(Profile profile, Set<String> alreadySent, Instant now) {
		return select(profile, Set.of(), alreadySent, now);
	}

	/**
	 * @param profile what the subscriber wants
	 * @param liked arXiv ids, keys or exact titles of papers the subscriber likes; papers
	 * close to them score as papers close to the interests do
	 * @param alreadySent keys of papers the subscriber already received
	 * @param now the time of the digest
	 * @return the papers of the next digest, best first
	 */
	public Selection select(Profile profile, Set<String> liked, Set<String> alreadySent, Instant now) {
		return select(profile, liked, Set.of(), alreadySent, now);
	}

	/**
	 * @param profile what the subscriber wants
	 * @param liked arXiv ids, keys or exact titles of papers the subscriber likes ("more
	 * like this"); papers close to them score as papers close to the interests do
	 * @param disliked papers the subscriber said "less like this" about; papers close to
	 * them lose as much as papers close to liked ones gain
	 * @param alreadySent keys of papers the subscriber already received
	 * @param now the time of the digest
	 * @return the papers of the next digest, best first
	 */
	public Selection select(Profile profile, Set<String> liked, Set<String> disliked, Set<String> alreadySent,
			Instant now) {
		List<Candidate> likedPapers = this.candidates.byReferences(liked, this.embedder.model());
		List<Candidate> dislikedPapers = this.candidates.byReferences(disliked, this.embedder.model());
		// Papers the subscriber rated are never picked, with a vector yet or not.
		Set<String> likedKeys = likedPapers.stream()
			.map((paper) -> paper.paper().key())
			.collect(Collectors.toCollection(HashSet::new));
		dislikedPapers.forEach((paper) -> likedKeys.add(paper.paper().key()));
		likedPapers = withVectors(likedPapers);
		dislikedPapers = withVectors(dislikedPapers);
		List<Candidate> pool = this.candidates
			.recent(now.minus(this.properties.candidateWindow()), this.embedder.model(),
					this.properties.maxCandidates())
			.stream()
			.filter((candidate) -> !alreadySent.contains(candidate.paper().key()))
			.filter((candidate) -> !likedKeys.contains(candidate.paper().key()))
			.toList();
		KeywordQuery keywords = KeywordQuery.parse(profile.keywords());
		Set<Long> ids = pool.stream().map(Candidate::id).collect(Collectors.toSet());
		Set<Long> excluded = new HashSet<>();
		for (String exclusion : keywords.exclusions()) {
			excluded.addAll(this.candidates.matching(ids, exclusion));
		}
		pool = pool.stream().filter((candidate) -> !excluded.contains(candidate.id())).toList();
		boolean trending = profile.interests().isBlank() && keywords.terms().isEmpty() && profile.authors().isEmpty()
				&& profile.categories().isEmpty() && likedPapers.isEmpty();
		List<Scored> scored = trending ? trending(pool, now)
				: score(profile, likedPapers, dislikedPapers, keywords, pool, now);
		List<Scored> relevant = scored.stream()
			.filter((candidate) -> trending || (candidate.relevant && candidate.score >= this.properties.threshold()))
			.sorted(Comparator.comparingDouble(Scored::score).reversed())
			.toList();
		return new Selection(diversify(relevant, profile.papersPerDigest()), trending);
	}

	private List<Scored> score(Profile profile, List<Candidate> likedPapers, List<Candidate> dislikedPapers,
			KeywordQuery keywords, List<Candidate> pool, Instant now) {
		MatchingProperties.Weights weights = this.properties.weights();
		Collection<Long> ids = pool.stream().map(Candidate::id).toList();
		Map<Long, Double> keywordRanks = keywords.terms().isEmpty() ? Map.of()
				: this.candidates.ranks(ids, keywords.positive());
		Map<Long, List<String>> matchedTerms = matchedTerms(keywords, keywordRanks.keySet());
		float[] interests = profile.interests().isBlank() ? null : this.embedder.embed(profile.interests());
		Set<String> authors = profile.authors().stream().map(Matcher::normalize).collect(Collectors.toSet());
		Set<String> categories = new HashSet<>(profile.categories());
		double maxUpvotes = maxUpvotes(pool);
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : pool) {
			Paper paper = candidate.paper();
			List<String> reasons = new ArrayList<>();
			double semantic = (interests != null && candidate.vector() != null)
					? Math.max(0, TextEmbedder.cosine(interests, candidate.vector())) : 0;
			Candidate closestLiked = null;
			double liked = 0;
			for (Candidate likedPaper : likedPapers) {
				double similarity = similarity(candidate, likedPaper);
				if (similarity > liked) {
					liked = similarity;
					closestLiked = likedPaper;
				}
			}
			double rank = keywordRanks.getOrDefault(candidate.id(), 0.0);
			double keyword = rank / (rank + 0.1);
			String author = paper.authors()
				.stream()
				.filter((name) -> authors.contains(normalize(name)))
				.findFirst()
				.orElse(null);
			String category = paper.categories().stream().filter(categories::contains).findFirst().orElse(null);
			double popularity = popularity(paper, maxUpvotes);
			double disliked = 0;
			for (Candidate dislikedPaper : dislikedPapers) {
				disliked = Math.max(disliked, similarity(candidate, dislikedPaper));
			}
			double score = weights.semantic() * (Math.max(semantic, liked) - disliked) + weights.keyword() * keyword
					+ ((author != null) ? weights.author() : 0) + ((category != null) ? weights.category() : 0)
					+ weights.popularity() * popularity + weights.recency() * recency(paper, now);
			for (String term : matchedTerms.getOrDefault(candidate.id(), List.of())) {
				reasons.add("matches your keyword '" + KeywordQuery.label(term) + "'");
			}
			if (author != null) {
				reasons.add("by " + author + ", whom you follow");
			}
			if (semantic >= this.properties.semanticThreshold()) {
				reasons.add("close to your interest in " + quote(profile.interests()));
			}
			if (closestLiked != null && liked >= this.properties.semanticThreshold()) {
				reasons.add("similar to " + quote(closestLiked.paper().title()) + ", which you liked");
			}
			if (category != null) {
				reasons.add("in " + category + ", a category you follow");
			}
			addTrending(paper, reasons);
			boolean relevant = rank > 0 || author != null || category != null
					|| Math.max(semantic, liked) >= this.properties.semanticThreshold();
			scored.add(new Scored(candidate, score, reasons, relevant));
		}
		return scored;
	}

	private static List<Candidate> withVectors(List<Candidate> papers) {
		return papers.stream().filter((paper) -> paper.vector() != null).toList();
	}

	private List<Scored> trending(List<Candidate> pool, Instant now) {
		double maxUpvotes = maxUpvotes(pool);
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : pool) {
			List<String> reasons = new ArrayList<>();
			addTrending(candidate.paper(), reasons);
			if (reasons.isEmpty()) {
				reasons.add("among the newest papers");
			}
			double score = 0.8 * popularity(candidate.paper(), maxUpvotes) + 0.2 * recency(candidate.paper(), now);
			scored.add(new Scored(candidate, score, reasons, true));
		}
		return scored;
	}

	// Maximal marginal relevance: each pick trades its score against its similarity to
	// the
	// papers already picked.
	private List<Match> diversify(List<Scored> ranked, int size) {
		double lambda = this.properties.diversity();
		List<Scored> remaining = new ArrayList<>(ranked);
		List<Scored> picked = new ArrayList<>();
		while (picked.size() < size && !remaining.isEmpty()) {
			Scored best = null;
			double bestValue = Double.NEGATIVE_INFINITY;
			for (Scored candidate : remaining) {
				double redundancy = 0;
				for (Scored chosen : picked) {
					redundancy = Math.max(redundancy, similarity(candidate.candidate, chosen.candidate));
				}
				double value = lambda * candidate.score - (1 - lambda) * redundancy;
				if (value > bestValue) {
					bestValue = value;
					best = candidate;
				}
			}
			picked.add(best);
			remaining.remove(best);
		}
		return picked.stream()
			.map((scored) -> new Match(scored.candidate.paper().key(), scored.candidate.paper().title(),
					Math.round(scored.score * 1000) / 1000.0, List.copyOf(scored.reasons), scored.candidate.paper()))
			.toList();
	}

	private Map<Long, List<String>> matchedTerms(KeywordQuery keywords, Set<Long> matched) {
		Map<Long, List<String>> terms = new HashMap<>();
		if (matched.isEmpty()) {
			return terms;
		}
		for (String term : keywords.terms()) {
			for (Long id : this.candidates.matching(matched, term)) {
				terms.computeIfAbsent(id, (key) -> new ArrayList<>()).add(term);
			}
		}
		return terms;
	}

	private void addTrending(Paper paper, List<String> reasons) {
		if (paper.upvotes() != null && paper.upvotes() >= this.properties.trendingUpvotes()) {
			reasons.add("trending: " + paper.upvotes() + " upvotes");
		}
	}

	private static double similarity(Candidate a, Candidate b) {
		return (a.vector() != null && b.vector() != null) ? TextEmbedder.cosine(a.vector(), b.vector()) : 0;
	}

	private static double maxUpvotes(List<Candidate> pool) {
		return pool.stream()
			.map((candidate) -> candidate.paper().upvotes())
			.filter(java.util.Objects::nonNull)
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
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

	private static String normalize(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	private static String quote(String interests) {
		String text = interests.strip();
		return (text.length() <= 60) ? "'" + text + "'" : "'" + text.substring(0, 57) + "…'";
	}

	private record Scored(Candidate candidate, double score, List<String> reasons, boolean relevant) {
	}

}
