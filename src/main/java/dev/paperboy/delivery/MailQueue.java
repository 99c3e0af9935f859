package dev.paperboy.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A durable queue of messages that delivery's outbox workers send: a module keeps its
 * messages in its own table and renders each one when it is sent, and the workers do the
 * rest (claims under a lease, one SMTP connection per batch, pacing, the suppression
 * check, retries with backoff, giving back on shutdown). Each claim sets its own lease,
 * and every later write names it, so a worker whose lease ran out cannot undo what the
 * worker that claimed a message since has done.
 */
public interface MailQueue {

	/**
	 * @return what the queue holds, for logs ("digests", "emails")
	 */
	String name();

	/**
	 * Claims messages ready to send: new ones, or due for a retry ({@code for update skip
	 * locked}, so that workers never share one), counting the attempt.
	 * @param limit at most this many
	 * @param lease how long they stay the claiming worker's
	 * @return the claim
	 */
	Claim claim(int limit, Duration lease);

	/**
	 * Claims messages whose worker's lease ran out (it died, or lost its database), to be
	 * sent again with the same Message-ID, counting the attempt.
	 * @param limit at most this many
	 * @param lease how long they stay the claiming worker's
	 * @return the claim
	 */
	Claim claimExpired(int limit, Duration lease);

	/**
	 * Loads claimed messages.
	 * @param ids a claim's messages
	 * @return them, in the order to send them (ids no longer there left out)
	 */
	List<? extends Message> load(List<Long> ids);

	/** Records that the SMTP server accepted a message. */
	void sent(long id, Instant lease);

	/** Records a temporary failure: the message is tried again at {@code at}. */
	void retry(long id, Instant lease, Instant at, String error);

	/** Records that a message is not sent, for good. */
	void end(long id, Instant lease, Ending ending, @Nullable String error);

	/**
	 * Gives claimed messages back without counting the attempt (shutdown, the SMTP server
	 * away).
	 */
	void release(Collection<Long> ids, Instant lease, Instant at);

	/**
	 * Messages claimed by a worker.
	 *
	 * @param ids the messages
	 * @param leaseUntil their lease, which is the claim's own (null when none was
	 * claimed)
	 */
	record Claim(List<Long> ids, @Nullable Instant leaseUntil) {

	}

	/** One claimed message. */
	interface Message {

		/**
		 * @return its id in the queue
		 */
		long id();

		/**
		 * @return attempts so far, this one included
		 */
		int attempts();

		/**
		 * @return why the queue will not send it (it is then ended
		 * {@link Ending#SKIPPED}), or null to send it
		 */
		@Nullable String skip();

		/**
		 * @return its recipient (checked against the suppression list before it is
		 * rendered)
		 */
		String recipient();

		/**
		 * Renders the message; a message that cannot be rendered fails.
		 * @return the message to send, with a Message-ID that stays the same when it is
		 * sent again
		 */
		OutgoingMail render();

	}

	/** Why a message ends unsent. */
	enum Ending {

		/** The queue said not to send it. */
		SKIPPED,

		/** Its recipient is on the suppression list. */
		SUPPRESSED,

		/** Refused for good, given up after too many attempts, or cannot be rendered. */
		FAILED

	}

}
