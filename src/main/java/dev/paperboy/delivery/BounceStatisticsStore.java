package dev.paperboy.delivery;

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
 * The SQL behind {@link BounceStatistics}.
 */
@Repository
class BounceStatisticsStore {

	// pg_try_advisory_xact_lock key of this rollup ("BNCE" in ASCII)
	private static final long LOCK = 0x424E4345L;

	private final JdbcClient jdbc;

	BounceStatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from the first day
	 * @param to the last day
	 * @return the rolled-up days between them that have a row, oldest first
	 */
	List<BounceStatistics.Day> days(LocalDate from, LocalDate to) {
		// bounce_daily_pkey (day)
		return this.jdbc
			.sql("select day, hard, soft, complaints from bounce_daily where day between :from and :to order by day")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new BounceStatistics.Day(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
					rs.getInt(4)))
			.list();
	}

	/**
	 * Re-aggregates today and yesterday (UTC). Does nothing while another instance does
	 * it.
	 * @return whether this call did the work
	 */
	boolean rollUp() {
		if (!DailyRollup.lock(this.jdbc, LOCK)) {
			return false;
		}
		for (LocalDate day : DailyRollup.recentDays()) {
			Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
			// bounce_event_received_idx (received_at): a range scan over the day
			this.jdbc.sql("""
					insert into bounce_daily (day, hard, soft, complaints, counted_at)
					select :day, count(*) filter (where kind = 'HARD'), count(*) filter (where kind = 'SOFT'),
					    count(*) filter (where kind = 'COMPLAINT'), now()
					from bounce_event where received_at >= :start and received_at < :end
					on conflict (day) do update set hard = excluded.hard, soft = excluded.soft,
					    complaints = excluded.complaints, counted_at = now()""")
				.param("day", Date.valueOf(day))
				.param("start", Timestamp.from(start))
				.param("end", Timestamp.from(start.plusSeconds(86_400)))
				.update();
		}
		return true;
	}

}
