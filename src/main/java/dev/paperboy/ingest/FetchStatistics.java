package dev.paperboy.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Ingest's figures for the console: new papers per source per day, each source's last run
 * and next scheduled fetch. A source runs a few times a day, so {@code fetch_run} holds a
 * few hundred rows for 90 days and is read directly, through its indexes, with no rollup.
 */
@Service
public class FetchStatistics {

	private final FetchStatisticsStore store;

	FetchStatistics(FetchStatisticsStore store) {
		this.store = store;
	}

	/**
	 * @param from the first day (UTC)
	 * @param to the last day
	 * @return new papers per source and day of the runs that started then; days without a
	 * run are absent
	 */
	public List<SourceDay> newPapers(LocalDate from, LocalDate to) {
		return this.store.newPapers(from, to);
	}

	/**
	 * @param now the time to look ahead from
	 * @return every source with its last run and next scheduled fetch, by name
	 */
	public List<SourceHealth> health(Instant now) {
		return this.store.health(now);
	}

	/**
	 * New papers of one source on one day.
	 *
	 * @param source the source's name
	 * @param day the day its runs started (UTC)
	 * @param added papers new to the catalog
	 */
	public record SourceDay(String source, LocalDate day, long added) {

	}

	/**
	 * A source's state.
	 *
	 * @param source its name
	 * @param enabled whether it may run
	 * @param nextFetch its next scheduled fetch, if it has a schedule
	 * @param lastStatus its last run's status, if it ever ran
	 * @param lastStarted when that run started
	 * @param lastFinished when it finished
	 * @param lastAdded papers it added
	 */
	public record SourceHealth(String source, boolean enabled, @Nullable Instant nextFetch,
			FetchRun.@Nullable Status lastStatus, @Nullable Instant lastStarted, @Nullable Instant lastFinished,
			long lastAdded) {

	}

}
