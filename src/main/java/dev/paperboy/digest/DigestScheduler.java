package dev.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.matching.Match;
import dev.paperboy.matching.MatchingRun;
import dev.paperboy.matching.Selection;
import dev.paperboy.matching.SubscriberMatching;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds subscribers whose digest is due and composes it: a page of due schedules at a
 * time, locked so that instances running side by side split the work, matched against one
 * candidate run, written to the outbox in the same transaction as the schedule's next due
 * time. A digest exists at most once per subscriber and period (a unique key), so running
 * the scheduler again, restarting, or running it on two instances sends nothing twice.
 */
@Service
public class DigestScheduler {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

	private final Digests digests;

	private final SubscriptionService subscriptions;

	private final SubscriberMatching matching;

	private final DigestProperties properties;

	private final TransactionTemplate transactions;

	private final SubscriberSchedules schedules;

	DigestScheduler(Digests digests, SubscriptionService subscriptions, SubscriberMatching matching,
			DigestProperties properties, TransactionTemplate transactions, SubscriberSchedules schedules) {
		this.digests = digests;
		this.subscriptions = subscriptions;
		this.matching = matching;
		this.properties = properties;
		this.transactions = transactions;
		this.schedules = schedules;
	}

	/**
	 * (Re)builds the schedules of the given subscribers from what subscription says of
	 * them now, a page per statement: for subscribers that came without events (written
	 * by SQL, restored from a backup). Subscription's events keep schedules up to date
	 * otherwise.
	 * @param subscriberIds the subscribers
	 * @return how many active subscribers were scheduled
	 */
	public int schedule(Collection<Long> subscriberIds) {
		return this.schedules.schedule(subscriberIds, false);
	}

	/**
	 * Composes every due digest.
	 * @return what was done
	 */
	public synchronized Run run() {
		return run(Instant.now());
	}

	synchronized Run run(Instant now) {
		long started = System.nanoTime();
		MatchingRun candidates = null;
		int queued = 0;
		int skipped = 0;
		while (true) {
			if (candidates == null) {
				candidates = this.matching.open(now);
			}
			MatchingRun run = candidates;
			int[] page = this.transactions.execute((status) -> composePage(run, now));
			if (page == null || page[0] == 0) {
				break;
			}
			queued += page[1];
			skipped += page[2];
		}
		Run result = new Run(queued, skipped, (System.nanoTime() - started) / 1_000_000);
		if (queued + skipped > 0) {
			log.info("Digests composed: {} queued, {} skipped (nothing to send), {} ms", queued, skipped,
					result.millis());
		}
		return result;
	}

	/**
	 * Composes and queues one subscriber's digest now, whether or not it is due, as a
	 * period of its own.
	 * @param subscriber the subscriber
	 * @return the digest's id, or 0 when nothing qualified
	 */
	long composeNow(Subscriber subscriber) {
		Instant now = Instant.now();
		MatchingRun run = this.matching.open(now);
		Digests.Composed composed = compose(run, List.of(subscriber), Map.of(subscriber.id(), "now-" + now), now)
			.get(0);
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
	Digests.Composed preview(Subscriber subscriber) {
		Instant now = Instant.now();
		return compose(this.matching.open(now), List.of(subscriber),
				Map.of(subscriber.id(), DigestCalendar.latest(subscriber.profile().delivery(), now).key()), now)
			.get(0);
	}

	// One page: returns {due schedules seen, digests queued, periods skipped}.
	private int[] composePage(MatchingRun run, Instant now) {
		List<Long> due = this.digests.lockDue(now, this.properties.pageSize());
		if (due.isEmpty()) {
			return new int[] { 0, 0, 0 };
		}
		List<Subscriber> subscribers = new ArrayList<>();
		List<Long> gone = new ArrayList<>(due);
		for (Subscriber subscriber : this.subscriptions.find(due)) {
			if (subscriber.status() == Subscriber.Status.ACTIVE) {
				subscribers.add(subscriber);
				gone.remove(subscriber.id());
			}
		}
		// erased (or no longer active) since their schedule was written
		this.digests.unschedule(gone);
		Map<Long, String> periods = new java.util.HashMap<>();
		for (Subscriber subscriber : subscribers) {
			periods.put(subscriber.id(), DigestCalendar.latest(subscriber.profile().delivery(), now).key());
		}
		List<Digests.Composed> composed = compose(run, subscribers, periods, now);
		Map<Long, Long> inserted = this.digests.insert(composed);
		int queued = 0;
		int skipped = 0;
		for (Digests.Composed digest : composed) {
			if (inserted.containsKey(digest.subscriberId())) {
				if (digest.papers().isEmpty()) {
					skipped++;
				}
				else {
					queued++;
				}
			}
		}
		Map<Long, Instant> next = new java.util.HashMap<>();
		for (Subscriber subscriber : subscribers) {
			next.put(subscriber.id(), DigestCalendar.next(subscriber.profile().delivery(), now).dueAt());
		}
		this.digests.reschedule(next);
		return new int[] { due.size(), queued, skipped };
	}

	// The subscriber's choice, else the service's default.
	private boolean trendingWhenEmpty(Profile profile) {
		return (profile.whenEmpty() != null) ? profile.whenEmpty() == Profile.WhenEmpty.TRENDING
				: this.properties.whenEmpty() == Profile.WhenEmpty.TRENDING;
	}

	private List<Digests.Composed> compose(MatchingRun run, List<Subscriber> subscribers, Map<Long, String> periods,
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
		List<Digests.Composed> composed = new ArrayList<>();
		for (SubscriberMatching.Request request : requests) {
			Subscriber subscriber = request.subscriber();
			Selection selection = selections.get(subscriber.id());
			if (selection.papers().isEmpty() && !selection.trending() && trendingWhenEmpty(subscriber.profile())) {
				selection = run.select(new MatchingRun.Subject(subscriber.profile().withNothingToMatch(), null,
						List.of(), List.of(), request.sentPaperIds(), Set.of(), request.since()));
			}
			List<Digests.Composed.Pick> picks = new ArrayList<>();
			for (Match match : selection.papers()) {
				picks.add(new Digests.Composed.Pick(match.paperId(), match.score(), match.reasons()));
			}
			Instant dueAt = DigestCalendar.latest(subscriber.profile().delivery(), now).dueAt();
			composed.add(new Digests.Composed(subscriber.id(), periods.get(subscriber.id()), dueAt,
					selection.trending(), picks));
		}
		return composed;
	}

	/**
	 * What a scheduler run did.
	 *
	 * @param queued digests queued for sending
	 * @param skipped periods with nothing to send
	 * @param millis how long it took
	 */
	public record Run(int queued, int skipped, long millis) {

	}

}
