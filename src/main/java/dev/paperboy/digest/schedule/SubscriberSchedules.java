package dev.paperboy.digest.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.paperboy.digest.DigestProperties;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriberEvent;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code digest_schedule} up to date with subscribers, from subscription's events:
 * an active subscriber has a schedule computed from their delivery settings, anyone else
 * none; an erased subscriber's digests, their papers and the schedule are deleted. Each
 * event is handled in a transaction of its own, durably (a crash before it commits hands
 * the event over again at the next start), and reads the subscriber as they are now, so
 * late or repeated events change nothing.
 */
@Component
public class SubscriberSchedules {

	// Subscribers read and schedules written per statement.
	private static final int PAGE = 500;

	private final Schedules schedules;

	private final DigestComposer composer;

	private final SubscriptionService subscriptions;

	private final DigestProperties properties;

	SubscriberSchedules(Schedules schedules, DigestComposer composer, SubscriptionService subscriptions,
			DigestProperties properties) {
		this.schedules = schedules;
		this.composer = composer;
		this.subscriptions = subscriptions;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(SubscriberEvent event) {
		switch (event) {
			case SubscriberEvent.Erased erased -> erase(erased.subscriberId());
			case SubscriberEvent.Confirmed confirmed -> schedule(List.of(confirmed.subscriberId()), true);
			case SubscriberEvent.Imported imported -> schedule(List.of(imported.subscriberId()), true);
			default -> schedule(List.of(event.subscriberId()), false);
		}
	}

	/**
	 * (Re)computes the schedules of the given subscribers, a page per statement: active
	 * ones get theirs (left alone when their delivery settings did not change), the
	 * others, and those that no longer exist, lose theirs.
	 * @param subscriberIds the subscribers
	 * @param firstDigestNow whether a subscriber who never had a digest gets one at once
	 * (when {@code first-digest-on-confirm} is set)
	 * @return how many active subscribers were scheduled
	 */
	public int schedule(Collection<Long> subscriberIds, boolean firstDigestNow) {
		List<Long> ids = List.copyOf(subscriberIds);
		int scheduled = 0;
		for (int from = 0; from < ids.size(); from += PAGE) {
			scheduled += schedulePage(ids.subList(from, Math.min(ids.size(), from + PAGE)), firstDigestNow);
		}
		return scheduled;
	}

	// Everything kept about an erased subscriber: their digests (their papers with them,
	// through digest_paper's key), then their schedule.
	private void erase(long subscriberId) {
		this.composer.erase(subscriberId);
		this.schedules.erase(subscriberId);
	}

	private int schedulePage(List<Long> ids, boolean firstDigestNow) {
		Instant now = Instant.now();
		Set<Long> inactive = new HashSet<>(ids);
		List<Schedules.Schedule> schedules = new ArrayList<>();
		for (Subscriber subscriber : this.subscriptions.find(ids)) {
			if (subscriber.status() != Subscriber.Status.ACTIVE) {
				continue;
			}
			inactive.remove(subscriber.id());
			Instant next = DigestCalendar.next(subscriber.profile().delivery(), now).dueAt();
			if (firstDigestNow && this.properties.firstDigestOnConfirm() && !this.composer.hasDigest(subscriber.id())) {
				next = now;
			}
			schedules.add(new Schedules.Schedule(subscriber.id(),
					DigestCalendar.fingerprint(subscriber.profile().delivery()), next));
		}
		this.schedules.schedule(schedules);
		this.schedules.unschedule(inactive);
		return schedules.size();
	}

}
