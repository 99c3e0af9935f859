package dev.paperboy.delivery;

import dev.paperboy.DailyRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery's figures for the console: the bounces and complaints received on each day
 * (UTC), read from the rollup {@code bounce_daily} that {@link #rollUp()} keeps current.
 */
@Service
public class BounceStatistics implements DailyRollup {

	private final BounceStatisticsStore store;

	BounceStatistics(BounceStatisticsStore store) {
		this.store = store;
	}

	/**
	 * @param from the first day
	 * @param to the last day
	 * @return the rolled-up days between them that have a row, oldest first
	 */
	public List<Day> days(LocalDate from, LocalDate to) {
		return this.store.days(from, to);
	}

	/**
	 * Re-aggregates today and yesterday (UTC). Does nothing while another instance does
	 * it.
	 * @return whether this call did the work
	 */
	@Transactional
	@Override
	public boolean rollUp() {
		return this.store.rollUp();
	}

	/**
	 * One day's reports.
	 *
	 * @param day the day (UTC)
	 * @param hard hard bounces
	 * @param soft soft bounces
	 * @param complaints spam complaints
	 */
	public record Day(LocalDate day, int hard, int soft, int complaints) {

	}

}
