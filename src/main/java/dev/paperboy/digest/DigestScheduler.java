package dev.paperboy.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.digest.schedule.DigestCalendar;
import dev.paperboy.digest.schedule.DueSchedules;
import dev.paperboy.digest.schedule.SubscriberSchedules;
import dev.paperboy.matching.MatchingRun;
import dev.paperboy.matching.SubscriberMatching;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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

	private final DueSchedules due;

	private final DigestComposer composer;

	private final SubscriptionService subscriptions;

	private final SubscriberMatching matching;

	private final DigestProperties properties;

	private final TransactionTemplate transactions;

	private final SubscriberSchedules schedules;

	private volatile boolean stopping;

	DigestScheduler(DueSchedules due, DigestComposer composer, SubscriptionService subscriptions,
			SubscriberMatching matching, DigestProperties properties, TransactionTemplate transactions,
			SubscriberSchedules schedules) {
		this.due = due;
		this.composer = composer;
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
	 * The service is shutting down: a run ends after its page in hand, committed with its
	 * schedules; the next start composes the rest, still due.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
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
		while (!this.stopping) {
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

	// One page: returns {due schedules seen, digests queued, periods skipped}.
	private int[] composePage(MatchingRun run, Instant now) {
		List<Long> due = this.due.lockDue(now, this.properties.pageSize());
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
		this.due.unschedule(gone);
		Map<Long, String> periods = new HashMap<>();
		for (Subscriber subscriber : subscribers) {
			periods.put(subscriber.id(), DigestCalendar.latest(subscriber.profile().delivery(), now).key());
		}
		List<Composed> composed = this.composer.compose(run, subscribers, periods, now);
		Map<Long, Long> inserted = this.composer.store(composed);
		int queued = 0;
		int skipped = 0;
		for (Composed digest : composed) {
			if (inserted.containsKey(digest.subscriberId())) {
				if (digest.papers().isEmpty()) {
					skipped++;
				}
				else {
					queued++;
				}
			}
		}
		Map<Long, Instant> next = new HashMap<>();
		for (Subscriber subscriber : subscribers) {
			next.put(subscriber.id(), DigestCalendar.next(subscriber.profile().delivery(), now).dueAt());
		}
		this.due.reschedule(next);
		return new int[] { due.size(), queued, skipped };
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
