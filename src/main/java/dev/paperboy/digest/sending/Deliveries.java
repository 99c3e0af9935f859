package dev.paperboy.digest.sending;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.paperboy.digest.DigestStatus;
import dev.paperboy.digest.composition.Composed;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The outbox as the rest of the module reads it: digests as they were sent (for the
 * browser and the feed), and the deliveries operators list and send again.
 */
@Component
public class Deliveries {

	private final SendingDigests outbox;

	Deliveries(SendingDigests outbox) {
		this.outbox = outbox;
	}

	/**
	 * @param ids some digests
	 * @return them with their papers, in id order
	 */
	public List<Outgoing> outgoing(Collection<Long> ids) {
		return this.outbox.outgoing(ids);
	}

	/**
	 * @param subscriberId whose
	 * @param limit at most this many, newest first
	 * @return the subscriber's sent digests
	 */
	public List<Outgoing> sentTo(long subscriberId, int limit) {
		return this.outbox.sentTo(subscriberId, limit);
	}

	/**
	 * @param status only digests in this status, or null
	 * @param subscriberId only this subscriber's, or null
	 * @param limit at most this many, newest first
	 * @return the deliveries
	 */
	public List<Map<String, Object>> list(@Nullable DigestStatus status, @Nullable Long subscriberId, int limit) {
		return this.outbox.list(status, subscriberId, limit);
	}

	/**
	 * @param id one failed digest, or null for every one
	 * @return how many were queued again
	 */
	public int retryFailed(@Nullable Long id) {
		return this.outbox.retryFailed(id);
	}

	/**
	 * @param subscriberId whose
	 * @param offset how many of the newest to pass over
	 * @param limit at most this many, newest first
	 * @return the subscriber's digests, whatever their status, with their papers
	 */
	public List<Entry> history(long subscriberId, int offset, int limit) {
		return this.outbox.history(subscriberId, offset, limit);
	}

	/**
	 * @return how many digests are in each status
	 */
	public Map<String, Long> counts() {
		return this.outbox.counts();
	}

	/**
	 * A stored digest with its delivery's state.
	 *
	 * @param id the digest
	 * @param period its period
	 * @param status its delivery's status
	 * @param trending whether its papers are trending
	 * @param attempts sending attempts
	 * @param createdAt when it was composed
	 * @param sentAt when it was sent
	 * @param lastError the last sending error
	 * @param papers its papers, in order
	 */
	public record Entry(long id, String period, DigestStatus status, boolean trending, int attempts, Instant createdAt,
			@Nullable Instant sentAt, @Nullable String lastError, List<Composed.Pick> papers) {

	}

}
