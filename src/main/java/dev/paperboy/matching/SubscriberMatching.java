package dev.paperboy.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.PaperKeys;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Ranks pages of subscribers with everything they told us: the profile, its stored
 * interests vector, the papers they like, and their feedback ("more like this" counts as
 * liked, "less like this" pushes similar papers down). A page costs a handful of queries
 * whatever its size; the candidates come from one {@link MatchingRun} shared by all
 * pages, so memory does not grow with the number of subscribers.
 */
@Component
public class SubscriberMatching {

	private final Matcher matcher;

	private final ProfileVectors vectors;

	private final SubscriptionService subscriptions;

	SubscriberMatching(Matcher matcher, ProfileVectors vectors, SubscriptionService subscriptions) {
		this.matcher = matcher;
		this.vectors = vectors;
		this.subscriptions = subscriptions;
	}

	/**
	 * @param now the time of the digests
	 * @return a run over the candidates of that moment
	 */
	public MatchingRun open(Instant now) {
		return this.matcher.open(now);
	}

	/**
	 * @param now the time of the digests
	 * @return the earliest first-seen time of a candidate
	 */
	public Instant earliest(Instant now) {
		return this.matcher.earliest(now);
	}

	/**
	 * Ranks a page of subscribers. Pages may be ranked on several threads at once.
	 * @param run the candidates
	 * @param page the subscribers, with what each must not get again
	 * @return each subscriber's selection, by id, in the page's order
	 */
	public Map<Long, Selection> select(MatchingRun run, List<Request> page) {
		List<Subscriber> subscribers = page.stream().map(Request::subscriber).toList();
		List<Long> ids = subscribers.stream().map(Subscriber::id).toList();
		Map<Long, List<String>> likedReferences = this.subscriptions.likedPapers(ids);
		Map<Long, List<Feedback>> feedback = this.subscriptions.feedback(ids);
		Map<Long, float[]> interests = this.vectors.vectors(subscribers);
		Map<String, Candidate> papers = resolve(run, likedReferences, feedback);
		run.prepareKeywords(subscribers.stream().map(Subscriber::profile).toList());
		Map<Long, Selection> selections = new LinkedHashMap<>();
		for (Request request : page) {
			long id = request.subscriber().id();
			List<Candidate> liked = new ArrayList<>();
			List<Candidate> disliked = new ArrayList<>();
			for (String reference : likedReferences.getOrDefault(id, List.of())) {
				add(liked, papers.get(reference));
			}
			for (Feedback vote : feedback.getOrDefault(id, List.of())) {
				add(vote.more() ? liked : disliked, papers.get(vote.paperKey()));
			}
			selections.put(id, run.select(new MatchingRun.Subject(request.subscriber().profile(), interests.get(id),
					liked, disliked, request.sentPaperIds(), Set.of(), request.since())));
		}
		return selections;
	}

	// Every paper reference of the page, found among the run's papers first and in the
	// catalog, in one query, for the rest.
	private Map<String, Candidate> resolve(MatchingRun run, Map<Long, List<String>> liked,
			Map<Long, List<Feedback>> feedback) {
		Set<String> references = new LinkedHashSet<>();
		liked.values().forEach(references::addAll);
		feedback.values().forEach((votes) -> votes.forEach((vote) -> references.add(vote.paperKey())));
		Map<String, Candidate> found = new HashMap<>();
		List<String> elsewhere = new ArrayList<>();
		for (String reference : references) {
			Candidate candidate = run.find(reference);
			if (candidate != null) {
				found.put(reference, candidate);
			}
			else {
				elsewhere.add(reference);
			}
		}
		if (!elsewhere.isEmpty()) {
			Map<String, Candidate> byReference = new HashMap<>();
			for (Candidate candidate : this.matcher.resolve(elsewhere)) {
				CandidatePool.references(candidate.paper()).forEach((key) -> byReference.putIfAbsent(key, candidate));
			}
			for (String reference : elsewhere) {
				Candidate candidate = byReference.get(reference);
				if (candidate == null) {
					candidate = PaperKeys.arxivId(reference).map(byReference::get).orElse(null);
				}
				if (candidate == null) {
					candidate = byReference.get("title:" + PaperKeys.titleHash(reference));
				}
				if (candidate != null) {
					found.put(reference, candidate);
				}
			}
		}
		return found;
	}

	private static void add(List<Candidate> papers, @Nullable Candidate paper) {
		if (paper != null && papers.stream().noneMatch((known) -> known.id() == paper.id())) {
			papers.add(paper);
		}
	}

	/**
	 * One subscriber to rank.
	 *
	 * @param subscriber the subscriber
	 * @param since only papers first seen at or after this (their previous digest, or the
	 * candidate window)
	 * @param sentPaperIds row ids of papers they already received
	 */
	public record Request(Subscriber subscriber, Instant since, Set<Long> sentPaperIds) {

	}

}
