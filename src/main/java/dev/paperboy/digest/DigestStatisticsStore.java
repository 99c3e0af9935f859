package dev.paperboy.digest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.paperboy.DailyRollup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link DigestStatistics}.
 */
@Repository
class DigestStatisticsStore {

	// pg_try_advisory_xact_lock key of this rollup ("DIGS" in ASCII)
	private static final long LOCK = 0x44494753L;

	private final JdbcClient jdbc;

	DigestStatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from the first day
	 * @param to the last day
	 * @return the rolled-up days between them that have a row, oldest first
	 */
	List<DigestStatistics.Day> days(LocalDate from, LocalDate to) {
		// digest_daily_pkey (day)
		return this.jdbc.sql("""
				select day, composed, sent, failed, skipped, suppressed, waiting
				from digest_daily where day between :from and :to order by day""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new DigestStatistics.Day(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.list();
	}

	/**
	 * @param now the time to look ahead from
	 * @return when the next digest is due and how many are due within the next hour
	 */
	DigestStatistics.NextDigests next(Instant now) {
		// digest_schedule_due_idx (next_due_at): the first entry, and a range of an hour
		return this.jdbc.sql("""
				select (select min(next_due_at) from digest_schedule),
				       (select count(*) from digest_schedule where next_due_at < :hour)""")
			.param("hour", Timestamp.from(now.plusSeconds(3600)))
			.query((rs, n) -> new DigestStatistics.NextDigests(
					(rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null, rs.getLong(2)))
			.single();
	}

	/**
	 * Re-aggregates the digests composed today and yesterday (UTC): a digest's status
	 * settles within hours (the outbox gives up after its last retry), so older days do
	 * not change. Does nothing while another instance does it.
	 * @return whether this call did the work
	 */
	boolean rollUp() {
		if (!DailyRollup.lock(this.jdbc, LOCK)) {
			return false;
		}
		for (LocalDate day : DailyRollup.recentDays()) {
			Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
			// digest_created_brin (created_at): a bitmap scan of the day's page ranges
			this.jdbc.sql("""
					insert into digest_daily (day, composed, sent, failed, skipped, suppressed, waiting, counted_at)
					select :day, count(*), count(*) filter (where status = 'SENT'),
					    count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'SKIPPED'),
					    count(*) filter (where status = 'SUPPRESSED'),
					    count(*) filter (where status in ('QUEUED', 'SENDING', 'RETRY')), now()
					from digest where created_at >= :start and created_at < :end
					on conflict (day) do update set composed = excluded.composed, sent = excluded.sent,
					    failed = excluded.failed, skipped = excluded.skipped, suppressed = excluded.suppressed,
					    waiting = excluded.waiting, counted_at = now()""")
				.param("day", Date.valueOf(day))
				.param("start", Timestamp.from(start))
				.param("end", Timestamp.from(start.plusSeconds(86_400)))
				.update();
		}
		return true;
	}

}
