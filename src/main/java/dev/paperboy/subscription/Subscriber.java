package dev.paperboy.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber.
 *
 * @param id the id
 * @param email the address mail goes to
 * @param status where the subscription stands
 * @param profile what they want
 * @param createdAt when they first signed up
 * @param confirmedAt when they confirmed
 * @param unsubscribedAt when they unsubscribed
 */
public record Subscriber(long id, String email, Status status, Profile profile, Instant createdAt,
		@Nullable Instant confirmedAt, @Nullable Instant unsubscribedAt) {

	/** Where a subscription stands. */
	public enum Status {

		/** Signed up, not confirmed: nothing but the confirmation is ever sent. */
		PENDING,

		/** Receives digests. */
		ACTIVE,

		/** Confirmed, but asked for a break. */
		PAUSED,

		/** Asked to receive nothing. */
		UNSUBSCRIBED

	}

}
