package dev.paperboy.digest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link DeliveryRuns}: one hour's digests, found by digest_due_idx.
 */
@Repository
class RunQueries {

	private static final Duration HOUR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	RunQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// digest_due_idx finds the hour's digests
	DeliveryRuns.RunProgress progress(Instant from) {
		return this.jdbc.sql("""
				select count(*) filter (where status in ('QUEUED', 'RETRY')) as queued,
				       count(*) filter (where status = 'SENDING') as sending,
				       count(*) filter (where status = 'SENT') as sent,
				       count(*) filter (where status = 'FAILED') as failed,
				       count(*) filter (where status in ('SUPPRESSED', 'SKIPPED')) as skipped,
				       count(*) filter (where status = 'SENT' and sent_at >= now() - interval '1 minute') as last_minute
				from digest where due_at >= :from and due_at < :to
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(from.plus(HOUR)))
			.query((rs, n) -> new DeliveryRuns.RunProgress(from, rs.getLong("queued"), rs.getLong("sending"),
					rs.getLong("sent"), rs.getLong("failed"), rs.getLong("skipped"), rs.getLong("last_minute")))
			.single();
	}

	// The run's rows through digest_due_idx, then its failed ones. Not through
	// digest_failed_idx: the generic plan a prepared statement gets after five runs took
	// that index for any hour and walked every failed digest in id order, filtering on
	// the
	// hour (297 ms for a run of 33,333 among 3,000,000 digests, against 17 ms this way).
	List<Map<String, Object>> failed(Instant from, int limit) {
		return this.jdbc.sql("""
				with run as materialized (
				    select id, subscriber_id, attempts, last_error, due_at, status from digest
				    where due_at >= :from and due_at < :to)
				select id, subscriber_id, attempts, last_error, due_at from run
				where status = 'FAILED' order by id limit :limit
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(from.plus(HOUR)))
			.param("limit", limit)
			.query()
			.listOfRows();
	}

	List<Map<String, Object>> composed(String status, Instant start, Instant end, int limit) {
		if ("FAILED".equals(status)) {
			// digest_failed_idx (id) where status = 'FAILED': just the failed digests,
			// newest first
			return this.jdbc.sql("""
					select id, subscriber_id, attempts, last_error, due_at from digest
					where status = 'FAILED' and created_at >= :start and created_at < :end
					order by id desc limit :limit
					""")
				.param("start", Timestamp.from(start))
				.param("end", Timestamp.from(end))
				.param("limit", limit)
				.query()
				.listOfRows();
		}
		// digest_pkey newest first, stopping at :limit: rows are written in created_at
		// order,
		// so a range ending today finds its newest rows at once
		return this.jdbc.sql("""
				select id, subscriber_id, attempts, last_error, due_at from digest
				where status = :status and created_at >= :start and created_at < :end
				order by id desc limit :limit
				""")
			.param("status", status)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("limit", limit)
			.query()
			.listOfRows();
	}

	// digest_failed_idx, whose predicate the statement's text names
	int retryFailed(Instant from) {
		return this.jdbc.sql("""
				update digest set status = 'RETRY', next_attempt_at = now(), attempts = 0, last_error = null
				where status = 'FAILED' and due_at >= :from and due_at < :to
				""").param("from", Timestamp.from(from)).param("to", Timestamp.from(from.plus(HOUR))).update();
	}

	// digest_paper_paper_idx finds the paper's digests
	long sentTo(long paperId, long cap) {
		return this.jdbc.sql("""
				select count(*) from (select 1 from digest_paper p join digest d on d.id = p.digest_id
				where p.paper_id = :paper and d.status = 'SENT' limit :cap) sent
				""").param("paper", paperId).param("cap", cap).query(Long.class).single();
	}

}
