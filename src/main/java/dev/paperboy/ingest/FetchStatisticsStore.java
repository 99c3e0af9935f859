package dev.paperboy.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link FetchStatistics}.
 */
@Repository
class FetchStatisticsStore {

	private final JdbcClient jdbc;

	private final FetchService fetches;

	FetchStatisticsStore(JdbcClient jdbc, FetchService fetches) {
		this.jdbc = jdbc;
		this.fetches = fetches;
	}

	/**
	 * @param from the first day (UTC)
	 * @param to the last day
	 * @return new papers per source and day of the runs that started then; days without a
	 * run are absent
	 */
	List<FetchStatistics.SourceDay> newPapers(LocalDate from, LocalDate to) {
		// fetch_run_started_idx (started_at desc, id desc): a range scan
		return this.jdbc.sql("""
				select source, (started_at at time zone 'UTC')::date as day, sum(new_count)
				from fetch_run where started_at >= :from and started_at < :to
				group by 1, 2 order by 2, 1""")
			.param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> new FetchStatistics.SourceDay(rs.getString(1), rs.getDate(2).toLocalDate(),
					rs.getLong(3)))
			.list();
	}

	/**
	 * @param now the time to look ahead from
	 * @return every source with its last run and next scheduled fetch, by name
	 */
	List<FetchStatistics.SourceHealth> health(Instant now) {
		Map<String, FetchRun> last = new HashMap<>();
		for (PaperSource source : this.fetches.sources()) {
			// fetch_run_source_idx (source, started_at desc): one entry per source
			this.jdbc.sql("""
					select id, status, started_at, finished_at, new_count, message from fetch_run
					where source = :source order by started_at desc limit 1""")
				.param("source", source.name())
				.query((rs, n) -> last.put(source.name(),
						new FetchRun(rs.getLong(1), source.name(), Trigger.SCHEDULED, null, null, null,
								rs.getTimestamp(3).toInstant(),
								(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null,
								FetchRun.Status.valueOf(rs.getString(2)), rs.getInt(5), 0, 0, 0, rs.getString(6))))
				.list();
		}
		List<FetchStatistics.SourceHealth> health = new ArrayList<>();
		for (PaperSource source : this.fetches.sources()) {
			FetchRun run = last.get(source.name());
			health.add(new FetchStatistics.SourceHealth(source.name(), source.enabled(), nextFetch(source, now),
					(run != null) ? run.status() : null, (run != null) ? run.startedAt() : null,
					(run != null) ? run.finishedAt() : null, (run != null) ? run.added() : 0));
		}
		return health;
	}

	private static @Nullable Instant nextFetch(PaperSource source, Instant now) {
		if (!source.enabled() || source.schedule().equals("-")) {
			return null;
		}
		ZonedDateTime next = CronExpression.parse(source.schedule()).next(now.atZone(ZoneOffset.systemDefault()));
		return (next != null) ? next.toInstant() : null;
	}

}
