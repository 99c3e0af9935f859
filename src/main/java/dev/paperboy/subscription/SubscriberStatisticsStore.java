package dev.paperboy.subscription;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.DailyRollup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link SubscriberStatistics}.
 */
@Repository
class SubscriberStatisticsStore {

	// pg_try_advisory_xact_lock key of this rollup ("SUBS" in ASCII)
	private static final long LOCK = 0x53554253L;

	private final JdbcClient jdbc;

	SubscriberStatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return subscribers per state as of the last rollup, every state present
	 */
	Map<Subscriber.Status, Long> byState() {
		Map<Subscriber.Status, Long> counts = new EnumMap<>(Subscriber.Status.class);
		for (Subscriber.Status status : Subscriber.Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, subscribers from subscriber_state_count")
			.query((rs, n) -> counts.put(Subscriber.Status.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * @param from the first day
	 * @param to the last day
	 * @return the rolled-up days between them that have a row, oldest first
	 */
	List<SubscriberStatistics.Day> days(LocalDate from, LocalDate to) {
		// subscriber_daily_pkey (day)
		return this.jdbc.sql("""
				select day, confirmed, unsubscribed, subscribed, more_like_this, less_like_this
				from subscriber_daily where day between :from and :to order by day""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new SubscriberStatistics.Day(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
					rs.getLong(4), rs.getInt(5), rs.getInt(6)))
			.list();
	}

	/**
	 * Counts the states again and re-aggregates today and yesterday (UTC). Does nothing
	 * while another instance does it.
	 * @return whether this call did the work
	 */
	boolean rollUp() {
		if (!DailyRollup.lock(this.jdbc, LOCK)) {
			return false;
		}
		// an index-only scan of subscriber_status_idx
		this.jdbc.sql("""
				insert into subscriber_state_count (status, subscribers, counted_at)
				select s.status, (select count(*) from subscriber x where x.status = s.status), now()
				from unnest(array['PENDING', 'ACTIVE', 'PAUSED', 'UNSUBSCRIBED']) as s(status)
				on conflict (status) do update set subscribers = excluded.subscribers, counted_at = now()""").update();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (LocalDate day : List.of(today, today.minusDays(1))) {
			countDay(day);
		}
		// subscribed at the end of yesterday: now, less what today changed
		this.jdbc.sql("""
				update subscriber_daily y set subscribed = t.subscribed - t.confirmed + t.unsubscribed
				from subscriber_daily t where t.day = :today and y.day = :yesterday""")
			.param("today", Date.valueOf(today))
			.param("yesterday", Date.valueOf(today.minusDays(1)))
			.update();
		return true;
	}

	private void countDay(LocalDate day) {
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = start.plusSeconds(86_400);
		// subscriber_confirmed_idx, subscriber_unsubscribed_idx and feedback_created_idx:
		// range scans over the day; subscriber_status_idx for the subscribed now.
		this.jdbc.sql("""
				insert into subscriber_daily as d (day, confirmed, unsubscribed, subscribed, more_like_this,
				    less_like_this, counted_at)
				select :day,
				    (select count(*) from subscriber where confirmed_at >= :start and confirmed_at < :end),
				    (select count(*) from subscriber where unsubscribed_at >= :start and unsubscribed_at < :end
				        and confirmed_at is not null),
				    (select coalesce(sum(subscribers), 0) from subscriber_state_count
				        where status in ('ACTIVE', 'PAUSED')),
				    (select count(*) from feedback where created_at >= :start and created_at < :end and vote > 0),
				    (select count(*) from feedback where created_at >= :start and created_at < :end and vote < 0),
				    now()
				on conflict (day) do update set confirmed = excluded.confirmed, unsubscribed = excluded.unsubscribed,
				    subscribed = excluded.subscribed, more_like_this = excluded.more_like_this,
				    less_like_this = excluded.less_like_this, counted_at = now()""")
			.param("day", Date.valueOf(day))
			.param("start", java.sql.Timestamp.from(start))
			.param("end", java.sql.Timestamp.from(end))
			.update();
	}

}
