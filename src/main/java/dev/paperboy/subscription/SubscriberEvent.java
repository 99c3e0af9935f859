package dev.paperboy.subscription;

/**
 * What happened to a subscriber, published in the transaction of the change for the
 * modules that keep something derived from subscribers (schedules, interest vectors).
 * Events carry the subscriber's id only: a listener reads the subscriber as they are now
 * through {@link SubscriptionService#find(long)}, so events handled late, twice or out of
 * order (listeners run asynchronously, and again after a crash) still leave it up to
 * date. No address ever travels in an event.
 */
public sealed interface SubscriberEvent {

	/**
	 * @return the subscriber
	 */
	long subscriberId();

	/**
	 * Confirmed their sign-up: now active.
	 *
	 * @param subscriberId the subscriber
	 */
	record Confirmed(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Imported by an operator, active at once.
	 *
	 * @param subscriberId the subscriber
	 */
	record Imported(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Changed what they want or when they want it.
	 *
	 * @param subscriberId the subscriber
	 */
	record ProfileChanged(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Asked for a break.
	 *
	 * @param subscriberId the subscriber
	 */
	record Paused(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Came back from a break.
	 *
	 * @param subscriberId the subscriber
	 */
	record Resumed(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Unsubscribed.
	 *
	 * @param subscriberId the subscriber
	 */
	record Unsubscribed(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Subscribed again after unsubscribing.
	 *
	 * @param subscriberId the subscriber
	 */
	record Resubscribed(long subscriberId) implements SubscriberEvent {
	}

	/**
	 * Erased: everything kept about them must go, in every module.
	 *
	 * @param subscriberId the subscriber, who no longer exists
	 */
	record Erased(long subscriberId) implements SubscriberEvent {
	}

}
