package dev.paperboy.ingest;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * An inclusive range of days to fetch.
 *
 * @param from first day
 * @param to last day
 */
public record FetchWindow(LocalDate from, LocalDate to) {

	/** A backfill longer than this is refused: split it into several. */
	public static final int MAX_DAYS = 366;

	public FetchWindow {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("a window spans at most " + MAX_DAYS + " days");
		}
	}

	/**
	 * @return every day of the window, newest first
	 */
	public List<LocalDate> daysNewestFirst() {
		return to.datesUntil(from.minusDays(1), Period.ofDays(-1)).toList();
	}

	@Override
	public String toString() {
		return this.from.equals(this.to) ? this.from.toString() : this.from + ".." + this.to;
	}

}
