package dev.paperboy.digest.composition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.digest.DigestProperties;
import dev.paperboy.digest.schedule.DigestCalendar;
import dev.paperboy.matching.Match;
import dev.paperboy.matching.MatchingRun;
import dev.paperboy.matching.Selection;
import dev.paperboy.matching.SubscriberMatching;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.Subscriber;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Composes digests through the batch matcher: each subscriber's papers since their last
 * digest, none they received before ("never twice"), the period's trending papers when
 * nothing matched and they asked for those; and writes them to the outbox.
 */
@Service
public class DigestComposer {

	private final ComposedDigests digests;

	private final SubscriberMatching matching;

	private final DigestProperties properties;

	private final TransactionTemplate transactions;

	DigestComposer(ComposedDigests digests, SubscriberMatching matching, DigestProperties properties,
			TransactionTemplate transactions) {
		this.digests = digests;
		this.matching = matching;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Composes and queues one subscriber's digest now, whether or not it is due, as a
	 * period of its own.
	 * @param subscriber the subscriber
	 * @return the digest's id, or 0 when nothing qualified
	 */
	public long composeNow(Subscriber subscriber) {
		Instant now = Instant.now();
		MatchingRun run = this.matching.open(now);
		Composed composed = compose(run, List.of(subscriber), Map.of(subscriber.id(), "now-" + now), now).get(0);
		if (composed.papers().isEmpty()) {
			return 0;
		}
		return this.transactions.execute((status) -> this.digests.insert(List.of(composed)))
			.getOrDefault(subscriber.id(), 0L);
	}

	/**
	 * Composes a subscriber's next digest without storing it.
	 * @param subscriber the subscriber
	 * @return the digest as it would go out now
	 */
	public Composed preview(Subscriber subscriber) {
		Instant now = Instant.now();
		return compose(this.matching.open(now), List.of(subscriber),
				Map.of(subscriber.id(), DigestCalendar.latest(subscriber.profile().delivery(), now).key()), now)
			.get(0);
	}

	/**
	 * Writes a page of composed digests (skipped ones too) and their papers. A digest
	 * whose (subscriber, period) exists already is left alone; a paper some other
	 * composition sent the subscriber meanwhile is left out, and a digest left with none
	 * is skipped.
	 * @param composed the digests
	 * @return the new digests' ids by subscriber
	 */
	public Map<Long, Long> store(List<Composed> composed) {
		return this.digests.insert(composed);
	}

	/**
	 * @param subscriberId a subscriber
	 * @return whether they ever had a digest composed
	 */
	public boolean hasDigest(long subscriberId) {
		return this.digests.hasDigest(subscriberId);
	}

	/**
	 * Deletes an erased subscriber's digests and their papers.
	 * @param subscriberId the subscriber
	 */
	public void erase(long subscriberId) {
		this.digests.erase(subscriberId);
	}

	/**
	 * Composes the digests of the given subscribers for the given periods.
	 * @param run the candidate papers
	 * @param subscribers the subscribers
	 * @param periods each subscriber's period's name
	 * @param now the moment
	 * @return the digests, in the subscribers' order
	 */
	public List<Composed> compose(MatchingRun run, List<Subscriber> subscribers, Map<Long, String> periods,
			Instant now) {
		List<Long> ids = subscribers.stream().map(Subscriber::id).toList();
		Map<Long, Instant> previous = this.digests.previousDue(ids);
		Map<Long, Set<Long>> sent = this.digests.sent(ids, run.paperIds());
		Instant earliest = this.matching.earliest(now);
		List<SubscriberMatching.Request> requests = new ArrayList<>();
		for (Subscriber subscriber : subscribers) {
			Instant since = previous.getOrDefault(subscriber.id(), earliest);
			requests.add(new SubscriberMatching.Request(subscriber, since.isAfter(earliest) ? since : earliest,
					sent.getOrDefault(subscriber.id(), Set.of())));
		}
		Map<Long, Selection> selections = this.matching.select(run, requests);
		List<Composed> composed = new ArrayList<>();
		for (SubscriberMatching.Request request : requests) {
			Subscriber subscriber = request.subscriber();
			Selection selection = selections.get(subscriber.id());
			if (selection.papers().isEmpty() && !selection.trending() && trendingWhenEmpty(subscriber.profile())) {
				selection = run.select(new MatchingRun.Subject(subscriber.profile().withNothingToMatch(), null,
						List.of(), List.of(), request.sentPaperIds(), Set.of(), request.since()));
			}
			List<Composed.Pick> picks = new ArrayList<>();
			for (Match match : selection.papers()) {
				picks.add(new Composed.Pick(match.paperId(), match.score(), match.reasons()));
			}
			Instant dueAt = DigestCalendar.latest(subscriber.profile().delivery(), now).dueAt();
			composed
				.add(new Composed(subscriber.id(), periods.get(subscriber.id()), dueAt, selection.trending(), picks));
		}
		return composed;
	}

	// The subscriber's choice, else the service's default.
	private boolean trendingWhenEmpty(Profile profile) {
		return (profile.whenEmpty() != null) ? profile.whenEmpty() == Profile.WhenEmpty.TRENDING
				: this.properties.whenEmpty() == Profile.WhenEmpty.TRENDING;
	}

}
