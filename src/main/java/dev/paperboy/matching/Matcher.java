package dev.paperboy.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.subscription.Profile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;

/**
 * Ranks recent papers for subscribers: hard filters first (excluded keywords, papers
 * already sent or rated), then a weighted score of semantic similarity, keyword rank,
 * followed authors, categories, popularity and recency, a relevance threshold, and
 * maximal marginal relevance so a digest is not several near-copies of one paper. Every
 * pick carries its reasons. With no profile at all, the period's trending papers. The
 * formula is in docs/matching.md; the work is done by a {@link MatchingRun}, which loads
 * the candidates once for any number of subscribers.
 */
@Service
class Matcher {

	private final PaperCandidates candidates;

	private final TextEmbedder embedder;

	private final MatchingProperties properties;

	// Each open loads up to max-candidates papers with their vectors: the cost of a
	// ranking, counted so that pages which must not rank can be checked not to.
	private final Timer loads;

	Matcher(PaperCandidates candidates, TextEmbedder embedder, MatchingProperties properties, MeterRegistry meters) {
		this.candidates = candidates;
		this.embedder = embedder;
		this.properties = properties;
		this.loads = Timer.builder("paperboy.matching.candidate.loads")
			.description("Candidate sets loaded to rank subscribers (digest runs, previews)")
			.register(meters);
	}

	/**
	 * Loads the candidates of a moment: papers first seen within the candidate window
	 * before it (newest first, at most {@code max-candidates}).
	 * @param now the time of the digests
	 * @return a run to rank any number of subscribers with
	 */
	MatchingRun open(Instant now) {
		return this.loads.record(() -> new MatchingRun(
				this.candidates.recent(earliest(now), this.embedder.model(), this.properties.maxCandidates()), now,
				this.properties, this.candidates));
	}

	/**
	 * @param now the time of the digests
	 * @return the earliest first-seen time of a candidate
	 */
	Instant earliest(Instant now) {
		return now.minus(this.properties.candidateWindow());
	}

	/**
	 * @param profile what the subscriber wants
	 * @param alreadySent keys of papers the subscriber already received
	 * @param now the time of the digest
	 * @return the papers of the next digest, best first
	 */
	Selection select(Profile profile, Set<String> alreadySent, Instant now) {
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
	Selection select(Profile profile, Set<String> liked, Set<String> alreadySent, Instant now) {
		return select(profile, liked, Set.of(), alreadySent, now);
	}

	/**
	 * Ranks for one subscriber, embedding their interests on the spot.
	 * @param profile what the subscriber wants
	 * @param liked arXiv ids, keys or exact titles of papers the subscriber likes ("more
	 * like this"); papers close to them score as papers close to the interests do
	 * @param disliked papers the subscriber said "less like this" about; papers close to
	 * them lose as much as papers close to liked ones gain
	 * @param alreadySent keys of papers the subscriber already received
	 * @param now the time of the digest
	 * @return the papers of the next digest, best first
	 */
	Selection select(Profile profile, Set<String> liked, Set<String> disliked, Set<String> alreadySent, Instant now) {
		float[] interests = profile.interests().isBlank() ? null : this.embedder.embed(profile.interests());
		return open(now).select(new MatchingRun.Subject(profile, interests, resolve(liked), resolve(disliked), Set.of(),
				alreadySent, earliest(now)));
	}

	/**
	 * @param references paper keys, arXiv ids or exact titles
	 * @return the papers they name, with vectors when they have one
	 */
	List<Candidate> resolve(Collection<String> references) {
		return this.candidates.byReferences(references, this.embedder.model());
	}

}
