package dev.paperboy.digest.sending;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.paperboy.delivery.MailQueue;
import dev.paperboy.digest.DigestStatus;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.instance.Instances;
import dev.paperboy.instance.Leases;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.paperboy.SqlArrays.bigints;

/**
 * The {@code digest} rows as the outbox sends them: claims under a lease and each
 * digest's outcome, the digests and papers a batch renders, and what operators list and
 * send again.
 */
@Repository
class SendingDigests implements Leases {

	// The outbox, which delivery's workers send through DigestQueue. Each claim sets its
	// own lease_until, which then says whether a digest is still the claiming worker's:
	// every later write names it, so a worker whose lease ran out (a stalled send, a long
	// pause) cannot undo what the worker that claimed the digest since has done. The
	// statuses the partial indexes name are in the statements' text, for the planner to
	// match the indexes' predicates.

	// digest_ready_idx
	private static final String CLAIM = """
			update digest d set status = %s, lease_until = now() + cast(:lease as interval),
			    attempts = d.attempts + 1, leased_by = :instance
			from (select id from digest where status in (%s, %s) and next_attempt_at <= now()
			      order by next_attempt_at, id limit :limit for update skip locked) ready
			where d.id = ready.id
			returning d.id, d.lease_until
			""".formatted(DigestStatus.SENDING.sql(), DigestStatus.QUEUED.sql(), DigestStatus.RETRY.sql());

	// digest_lease_idx
	private static final String CLAIM_EXPIRED = """
			update digest d set lease_until = now() + cast(:lease as interval), attempts = d.attempts + 1,
			    leased_by = :instance
			from (select id from digest where status = %s and lease_until < now()
			      order by lease_until, id limit :limit for update skip locked) expired
			where d.id = expired.id
			returning d.id, d.lease_until
			""".formatted(DigestStatus.SENDING.sql());

	// the primary key, for this and the writes below
	private static final String SENT = """
			update digest set status = %s, sent_at = now(), lease_until = null, last_error = null
			where id = :id and status = %s and lease_until = :lease
			""".formatted(DigestStatus.SENT.sql(), DigestStatus.SENDING.sql());

	private static final String RETRY = """
			update digest set status = %s, next_attempt_at = :at, lease_until = null, last_error = :error
			where id = :id and status = %s and lease_until = :lease
			""".formatted(DigestStatus.RETRY.sql(), DigestStatus.SENDING.sql());

	private static final String END = """
			update digest set status = :status, lease_until = null, last_error = :error
			where id = :id and status = %s and lease_until = :lease
			""".formatted(DigestStatus.SENDING.sql());

	private static final String RELEASE = """
			update digest set status = case when attempts > 1 then %s else %s end,
			    attempts = greatest(attempts - 1, 0), lease_until = null, next_attempt_at = :at
			where id = any(cast(:ids as bigint[])) and status = %s and lease_until = :lease
			""".formatted(DigestStatus.RETRY.sql(), DigestStatus.QUEUED.sql(), DigestStatus.SENDING.sql());

	// digest_lease_idx: only the SENDING rows. Counted as an attempt: the dead instance
	// may have sent a digest it could not record, which then goes again with the same
	// Message-ID.
	private static final String RELEASE_DEAD = """
			update digest set status = %s, lease_until = null, next_attempt_at = now()
			where status = %s and leased_by = any(cast(:instances as uuid[]))
			""".formatted(DigestStatus.RETRY.sql(), DigestStatus.SENDING.sql());

	private final JdbcClient jdbc;

	private final Instances instances;

	SendingDigests(JdbcClient jdbc, Instances instances) {
		this.jdbc = jdbc;
		this.instances = instances;
	}

	/** Claims digests ready to send: queued, or due for a retry. */
	MailQueue.Claim claim(int limit, Duration lease) {
		return claimed(this.jdbc.sql(CLAIM)
			.param("limit", limit)
			.param("lease", lease.toMillis() + " milliseconds")
			.param("instance", this.instances.id()));
	}

	/**
	 * Claims digests whose worker's lease ran out (the worker died, or lost its
	 * database): they are sent again, with the same Message-ID.
	 */
	MailQueue.Claim claimExpired(int limit, Duration lease) {
		return claimed(this.jdbc.sql(CLAIM_EXPIRED)
			.param("limit", limit)
			.param("lease", lease.toMillis() + " milliseconds")
			.param("instance", this.instances.id()));
	}

	// One statement gives all its rows the same lease: now() is its transaction's start.
	private static MailQueue.Claim claimed(JdbcClient.StatementSpec claim) {
		List<Map.Entry<Long, Instant>> rows = claim
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		return new MailQueue.Claim(rows.stream().map(Map.Entry::getKey).toList(),
				rows.isEmpty() ? null : rows.get(0).getValue());
	}

	List<Outgoing> outgoing(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Composed.Pick>> papers = new HashMap<>();
		// the ids in the statement, as for composition's look-ups (ComposedDigests):
		// planned
		// with the table as it is, not as it was at a fresh installation's first batches
		this.jdbc.sql("""
				select digest_id, paper_id, score, reasons from digest_paper
				where digest_id = any(cast('%s' as bigint[])) order by digest_id, position
				""".formatted(bigints(ids))).query((rs) -> {
			papers.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new Composed.Pick(rs.getLong(2), rs.getDouble(3), List.of((String[]) rs.getArray(4).getArray())));
		});
		return this.jdbc.sql("""
				select id, subscriber_id, period, due_at, trending, attempts, created_at from digest
				where id = any(cast(:ids as bigint[])) order by id
				""")
			.param("ids", bigints(ids))
			.query((rs, n) -> new Outgoing(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getBoolean(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
					papers.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	void sent(long id, Instant lease) {
		this.jdbc.sql(SENT).param("id", id).param("lease", Timestamp.from(lease)).update();
	}

	void retry(long id, Instant lease, Instant at, String error) {
		this.jdbc.sql(RETRY)
			.param("id", id)
			.param("lease", Timestamp.from(lease))
			.param("at", Timestamp.from(at))
			.param("error", error)
			.update();
	}

	void end(long id, Instant lease, DigestStatus status, @Nullable String error) {
		this.jdbc.sql(END)
			.param("id", id)
			.param("lease", Timestamp.from(lease))
			.param("status", status.name())
			.param("error", error)
			.update();
	}

	/** Gives claimed digests back without counting the attempt (shutdown, SMTP away). */
	void release(Collection<Long> ids, Instant lease, Instant at) {
		if (!ids.isEmpty()) {
			this.jdbc.sql(RELEASE)
				.param("ids", bigints(ids))
				.param("lease", Timestamp.from(lease))
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	/** Gives back the digests that stopped instances held: they are sent again now. */
	@Override
	public int release(Collection<UUID> instances) {
		return this.jdbc.sql(RELEASE_DEAD)
			.param("instances", instances.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	// Operations

	List<Map<String, Object>> list(@Nullable DigestStatus status, @Nullable Long subscriberId, int limit) {
		return this.jdbc.sql("""
				select id, subscriber_id, period, due_at, status, trending, attempts, next_attempt_at, sent_at,
				       last_error, created_at, (select count(*) from digest_paper p where p.digest_id = d.id) as papers
				from digest d
				where (cast(:status as text) is null or status = :status)
				  and (cast(:subscriber as bigint) is null or subscriber_id = :subscriber)
				order by id desc limit :limit
				""")
			.param("status", (status != null) ? status.name() : null)
			.param("subscriber", subscriberId)
			.param("limit", limit)
			.query()
			.listOfRows();
	}

	int retryFailed(@Nullable Long id) {
		// digest_failed_idx, whose predicate the statement's text names
		return this.jdbc.sql("""
				update digest set status = %s, next_attempt_at = now(), attempts = 0, last_error = null
				where status = %s and (cast(:id as bigint) is null or id = :id)
				""".formatted(DigestStatus.RETRY.sql(), DigestStatus.FAILED.sql())).param("id", id).update();
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("select status, count(*) from digest group by status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	List<Deliveries.Entry> history(long subscriberId, int offset, int limit) {
		// the unique key (subscriber_id, period) finds a subscriber's digests; they are
		// few (one a day at most), so sorting them costs nothing
		List<Deliveries.Entry> rows = this.jdbc.sql("""
				select id, period, status, trending, attempts, created_at, sent_at, last_error from digest
				where subscriber_id = :id order by due_at desc, id desc limit :limit offset :offset
				""").param("id", subscriberId).param("limit", limit).param("offset", offset).query((rs, n) -> {
			Timestamp sent = rs.getTimestamp(7);
			return new Deliveries.Entry(rs.getLong(1), rs.getString(2), DigestStatus.valueOf(rs.getString(3)),
					rs.getBoolean(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
					(sent != null) ? sent.toInstant() : null, rs.getString(8), new ArrayList<>());
		}).list();
		if (!rows.isEmpty()) {
			Map<Long, Deliveries.Entry> byId = new HashMap<>();
			rows.forEach((row) -> byId.put(row.id(), row));
			// digest_paper's primary key (digest_id, position)
			this.jdbc.sql("""
					select digest_id, paper_id, score, reasons from digest_paper
					where digest_id = any(cast(:ids as bigint[])) order by digest_id, position
					""").param("ids", bigints(byId.keySet())).query((rs) -> {
				byId.get(rs.getLong(1))
					.papers()
					.add(new Composed.Pick(rs.getLong(2), rs.getDouble(3),
							List.of((String[]) rs.getArray(4).getArray())));
			});
		}
		return rows;
	}

	List<Outgoing> sentTo(long subscriberId, int limit) {
		List<Long> ids = this.jdbc.sql("""
				select id from digest where subscriber_id = :id and status = :sent order by due_at desc limit :limit
				""")
			.param("id", subscriberId)
			.param("sent", DigestStatus.SENT.name())
			.param("limit", limit)
			.query(Long.class)
			.list();
		return outgoing(ids);
	}

}
