package dev.paperboy.digest;

/**
 * Where a digest is on its way out: {@code QUEUED -> SENDING -> SENT}, or {@code RETRY}
 * (and then {@code SENDING} again), {@code FAILED}, {@code SUPPRESSED}; {@code SKIPPED}
 * when nothing qualified or the subscriber left. Stored by name in {@code digest.status};
 * statements that use a partial index name the statuses in their text (through
 * {@link #sql()}), for the planner to match the index's predicate.
 */
public enum DigestStatus {

	/** Composed, not tried yet. */
	QUEUED,

	/** Claimed by an outbox worker, under a lease. */
	SENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** Refused for now: tried again at its next attempt's time. */
	RETRY,

	/** Refused for good, given up, or cannot be rendered. */
	FAILED,

	/** Its recipient is on the suppression list. */
	SUPPRESSED,

	/** Nothing to send: nothing qualified, or the subscriber is no longer active. */
	SKIPPED;

	/**
	 * @return the status as an SQL string literal
	 */
	public String sql() {
		return "'" + name() + "'";
	}

}
