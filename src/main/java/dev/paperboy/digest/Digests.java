package dev.paperboy.digest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.delivery.MailQueue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest tables: schedules, the outbox, and the papers of each digest.
 */
@Repository
class Digests {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Digests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	// Schedules

	/**
	 * A subscriber's schedule: when their next digest is due, and the profile's
	 * cadence|weekday|hour|zone it was computed from.
	 */
	record Schedule(long subscriberId, String fingerprint, Instant nextDueAt) {
	}

	/**
	 * Sets a page of subscribers' next due times, in one statement, leaving alone those
	 * whose schedule is already up to date. A schedule written for a subscriber erased
	 * meanwhile is dropped by the composer, which finds no such subscriber.
	 */
	void schedule(List<Schedule> schedules) {
		if (schedules.isEmpty()) {
			return;
		}
		// digest_schedule_pkey
		this.jdbc
			.sql("""
					insert into digest_schedule (subscriber_id, schedule, next_due_at)
					select r.id, r.schedule, r.due
					from unnest(cast(:ids as bigint[]), cast(:schedules as text[]), cast(:dues as timestamptz[]))
					    as r(id, schedule, due)
					on conflict (subscriber_id) do update set schedule = excluded.schedule, next_due_at = excluded.next_due_at
					where digest_schedule.schedule <> excluded.schedule
					""")
			.param("ids", array(schedules.stream().map(Schedule::subscriberId).toList()))
			.param("schedules", schedules.stream().map(Schedule::fingerprint).toArray(String[]::new))
			.param("dues", schedules.stream().map((schedule) -> schedule.nextDueAt().toString()).toArray(String[]::new))
			.update();
	}

	/**
	 * Deletes everything kept about an erased subscriber: their digests (their papers
	 * with them, through digest_paper's key) and their schedule.
	 */
	void erase(long subscriberId) {
		// digest's unique (subscriber_id, period); digest_paper_pkey for the cascade
		this.jdbc.sql("delete from digest where subscriber_id = :id").param("id", subscriberId).update();
		// digest_schedule_pkey
		this.jdbc.sql("delete from digest_schedule where subscriber_id = :id").param("id", subscriberId).update();
	}

	void unschedule(Collection<Long> subscriberIds) {
		if (!subscriberIds.isEmpty()) {
			this.jdbc.sql("delete from digest_schedule where subscriber_id = any(cast(:ids as bigint[]))")
				.param("ids", array(subscriberIds))
				.update();
		}
	}

	/** Sets the next due time of a page of schedules, in one statement. */
	void reschedule(Map<Long, Instant> nextDueAt) {
		if (nextDueAt.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		nextDueAt.forEach((id, due) -> rows.add(Map.of("subscriber_id", id, "due", due.toString())));
		this.jdbc.sql("""
				update digest_schedule s set next_due_at = r.due
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(subscriber_id bigint, due timestamptz)
				where s.subscriber_id = r.subscriber_id
				""").param("rows", this.json.writeValueAsString(rows)).update();
	}

	/**
	 * Locks a page of due schedules (others running the scheduler skip them).
	 * @return subscriber ids
	 */
	List<Long> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select subscriber_id from digest_schedule where next_due_at <= :now
				order by next_due_at, subscriber_id limit :limit for update skip locked
				""").param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
	}

	boolean hasDigest(long subscriberId) {
		return this.jdbc.sql("select exists (select 1 from digest where subscriber_id = :id)")
			.param("id", subscriberId)
			.query(Boolean.class)
			.single();
	}

	// Composition

	// The two look-ups of composition below, and the outbox's look-up of a batch's
	// papers, name their ids in the statement rather than as parameters, so that
	// PostgreSQL plans each with the tables as they are. The same statement run over and
	// over gets a generic plan: made while digest_paper was empty (a fresh installation,
	// a first run) it stayed a sequential scan while page after page of digests filled
	// the table, 0.8 s a page at 10,000 subscribers. The ids are numbers this class
	// formats.

	/** The due time of each subscriber's latest digest. */
	Map<Long, Instant> previousDue(Collection<Long> subscriberIds) {
		Map<Long, Instant> previous = new HashMap<>();
		if (!subscriberIds.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, max(due_at) from digest where subscriber_id = any(cast('%s' as bigint[]))
					group by subscriber_id
					""".formatted(array(subscriberIds))).query((rs) -> {
				previous.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
			});
		}
		return previous;
	}

	/** The papers among the given ones each subscriber already received. */
	Map<Long, Set<Long>> sent(Collection<Long> subscriberIds, Collection<Long> paperIds) {
		Map<Long, Set<Long>> sent = new HashMap<>();
		if (!subscriberIds.isEmpty() && !paperIds.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, paper_id from digest_paper
					where subscriber_id = any(cast('%s' as bigint[])) and paper_id = any(cast('%s' as bigint[]))
					""".formatted(array(subscriberIds), array(paperIds))).query((rs) -> {
				sent.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>()).add(rs.getLong(2));
			});
		}
		return sent;
	}

	/**
	 * Writes a page of composed digests (skipped ones too) and their papers, two
	 * statements whatever the page's size. A digest whose (subscriber, period) exists
	 * already is left alone, and so are its papers. A paper some other composition sent
	 * the subscriber meanwhile is left out of the new digest ("never twice"), and a
	 * digest left with none is skipped.
	 * @return the new digests' ids by subscriber
	 */
	Map<Long, Long> insert(List<Composed> digests) {
		Map<Long, Long> ids = new HashMap<>();
		if (digests.isEmpty()) {
			return ids;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Composed digest : digests) {
			rows.add(Map.of("subscriber_id", digest.subscriberId(), "period", digest.period(), "due_at",
					digest.dueAt().toString(), "status",
					(digest.papers().isEmpty() ? DigestStatus.SKIPPED : DigestStatus.QUEUED).name(), "trending",
					digest.trending()));
		}
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, trending)
				select r.subscriber_id, r.period, r.due_at, r.status, r.trending
				from jsonb_to_recordset(cast(:rows as jsonb))
				    as r(subscriber_id bigint, period text, due_at timestamptz, status text, trending boolean)
				on conflict (subscriber_id, period) do nothing
				returning id, subscriber_id
				""").param("rows", this.json.writeValueAsString(rows)).query((rs) -> {
			ids.put(rs.getLong(2), rs.getLong(1));
		});
		// One array per column, unnested side by side: no JSON to build and parse for the
		// ten or so rows of each digest. Each row's reasons go as an array literal.
		List<Long> digestIds = new ArrayList<>();
		List<Long> subscriberIds = new ArrayList<>();
		List<Long> paperIds = new ArrayList<>();
		StringBuilder positions = new StringBuilder("{");
		StringBuilder scores = new StringBuilder("{");
		List<String> reasons = new ArrayList<>();
		for (Composed digest : digests) {
			Long id = ids.get(digest.subscriberId());
			if (id == null) {
				continue;
			}
			int position = 1;
			for (Composed.Pick pick : digest.papers()) {
				String comma = digestIds.isEmpty() ? "" : ",";
				digestIds.add(id);
				subscriberIds.add(digest.subscriberId());
				paperIds.add(pick.paperId());
				positions.append(comma).append(position++);
				scores.append(comma).append((float) pick.score());
				reasons.add(arrayLiteral(pick.reasons()));
			}
		}
		if (!digestIds.isEmpty()) {
			Set<Long> withPapers = new HashSet<>();
			this.jdbc.sql("""
					insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
					select d, s, p, position, score, cast(r as text[])
					from unnest(cast(:digests as bigint[]), cast(:subscribers as bigint[]), cast(:papers as bigint[]),
					            cast(:positions as smallint[]), cast(:scores as real[]), cast(:reasons as text[]))
					    as t(d, s, p, position, score, r)
					on conflict do nothing
					returning digest_id
					""")
				.param("digests", array(digestIds))
				.param("subscribers", array(subscriberIds))
				.param("papers", array(paperIds))
				.param("positions", positions.append('}').toString())
				.param("scores", scores.append('}').toString())
				.param("reasons", reasons.toArray(String[]::new))
				.query((rs) -> {
					withPapers.add(rs.getLong(1));
				});
			// A digest whose every paper some other composition sent the subscriber
			// meanwhile (the "never twice" key refused them all) has nothing to send
			List<Long> emptied = new ArrayList<>();
			for (Composed digest : digests) {
				Long id = ids.get(digest.subscriberId());
				if (id != null && !digest.papers().isEmpty() && !withPapers.contains(id)) {
					emptied.add(id);
				}
			}
			if (!emptied.isEmpty()) {
				this.jdbc.sql("update digest set status = :status where id = any(cast(:ids as bigint[]))")
					.param("status", DigestStatus.SKIPPED.name())
					.param("ids", array(emptied))
					.update();
			}
		}
		return ids;
	}

	// The outbox, which delivery's workers send through DigestQueue. Each claim sets its
	// own lease_until, which then says whether a digest is still the claiming worker's:
	// every later write names it, so a worker whose lease ran out (a stalled send, a long
	// pause) cannot undo what the worker that claimed the digest since has done. The
	// statuses the partial indexes name are in the statements' text, for the planner to
	// match the indexes' predicates.

	// digest_ready_idx
	private static final String CLAIM = """
			update digest d set status = %s, lease_until = now() + cast(:lease as interval),
			    attempts = d.attempts + 1
			from (select id from digest where status in (%s, %s) and next_attempt_at <= now()
			      order by next_attempt_at, id limit :limit for update skip locked) ready
			where d.id = ready.id
			returning d.id, d.lease_until
			""".formatted(DigestStatus.SENDING.sql(), DigestStatus.QUEUED.sql(), DigestStatus.RETRY.sql());

	// digest_lease_idx
	private static final String CLAIM_EXPIRED = """
			update digest d set lease_until = now() + cast(:lease as interval), attempts = d.attempts + 1
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

	/** Claims digests ready to send: queued, or due for a retry. */
	MailQueue.Claim claim(int limit, Duration lease) {
		return claimed(this.jdbc.sql(CLAIM).param("limit", limit).param("lease", lease.toMillis() + " milliseconds"));
	}

	/**
	 * Claims digests whose worker's lease ran out (the worker died, or lost its
	 * database): they are sent again, with the same Message-ID.
	 */
	MailQueue.Claim claimExpired(int limit, Duration lease) {
		return claimed(
				this.jdbc.sql(CLAIM_EXPIRED).param("limit", limit).param("lease", lease.toMillis() + " milliseconds"));
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
		// the ids in the statement, as for composition's look-ups: planned with the table
		// as it is, not as it was at a fresh installation's first batches
		this.jdbc.sql("""
				select digest_id, paper_id, score, reasons from digest_paper
				where digest_id = any(cast('%s' as bigint[])) order by digest_id, position
				""".formatted(array(ids))).query((rs) -> {
			papers.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new Composed.Pick(rs.getLong(2), rs.getDouble(3), List.of((String[]) rs.getArray(4).getArray())));
		});
		return this.jdbc.sql("""
				select id, subscriber_id, period, due_at, trending, attempts, created_at from digest
				where id = any(cast(:ids as bigint[])) order by id
				""")
			.param("ids", array(ids))
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
				.param("ids", array(ids))
				.param("lease", Timestamp.from(lease))
				.param("at", Timestamp.from(at))
				.update();
		}
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

	// A text[] literal: every element quoted, its quotes and backslashes escaped
	static String arrayLiteral(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			literal.append((literal.length() > 1) ? ",\"" : "\"");
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"' || c == '\\') {
					literal.append('\\');
				}
				literal.append(c);
			}
			literal.append('"');
		}
		return literal.append('}').toString();
	}

	static String array(Collection<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (Long id : ids) {
			literal.append((literal.length() > 1) ? "," : "").append(id.longValue());
		}
		return literal.append('}').toString();
	}

	/**
	 * A digest composed for a subscriber.
	 *
	 * @param subscriberId the subscriber
	 * @param period the period's name
	 * @param dueAt when it was due
	 * @param trending whether these are trending papers rather than matches
	 * @param papers the papers, best first (none: the period is skipped)
	 */
	record Composed(long subscriberId, String period, Instant dueAt, boolean trending, List<Pick> papers) {

		record Pick(long paperId, double score, List<String> reasons) {

		}

	}

	/**
	 * A digest to send.
	 *
	 * @param id the digest
	 * @param subscriberId its subscriber
	 * @param period its period
	 * @param dueAt when it was due
	 * @param trending whether these are trending papers
	 * @param attempts attempts so far, this one included
	 * @param createdAt when it was composed
	 * @param papers its papers, in order
	 */
	record Outgoing(long id, long subscriberId, String period, Instant dueAt, boolean trending, int attempts,
			Instant createdAt, List<Composed.Pick> papers) {

	}

}
