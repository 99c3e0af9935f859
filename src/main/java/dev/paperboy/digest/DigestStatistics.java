package dev.paperboy.digest;

import dev.paperboy.DailyRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digest's figures for the console: the digests composed on each day (UTC) by where they
 * are now, read from the rollup {@code digest_daily} that {@link #rollUp()} keeps
 * current, and when the next digests are due.
 */
@Service
public class DigestStatistics implements DailyRollup {

	private final DigestStatisticsStore store;

	DigestStatistics(DigestStatisticsStore store) {
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
	 * The rollup's sums over a range of days: what the dashboard adds up for its tiles.
	 * @param from the first day
	 * @param to the last day
	 * @return one {@link Day} (dated {@code to}) with the range's sums
	 */
	public Day total(LocalDate from, LocalDate to) {
		int composed = 0, sent = 0, failed = 0, skipped = 0, suppressed = 0, waiting = 0;
		for (Day day : days(from, to)) {
			composed += day.composed();
			sent += day.sent();
			failed += day.failed();
			skipped += day.skipped();
			suppressed += day.suppressed();
			waiting += day.waiting();
		}
		return new Day(to, composed, sent, failed, skipped, suppressed, waiting);
	}

	/**
	 * @param now the time to look ahead from
	 * @return when the next digest is due and how many are due within the next hour
	 */
	public NextDigests next(Instant now) {
		return this.store.next(now);
	}

	/**
	 * Re-aggregates the digests composed today and yesterday (UTC): a digest's status
	 * settles within hours (the outbox gives up after its last retry), so older days do
	 * not change. Does nothing while another instance does it.
	 * @return whether this call did the work
	 */
	@Transactional
	@Override
	public boolean rollUp() {
		return this.store.rollUp();
	}

	/**
	 * The digests composed on one day, by where they are now.
	 *
	 * @param day the day (UTC)
	 * @param composed all of them
	 * @param sent accepted by the SMTP server
	 * @param failed given up on
	 * @param skipped nothing to send
	 * @param suppressed the recipient is suppressed
	 * @param waiting queued, sending or to be retried
	 */
	public record Day(LocalDate day, int composed, int sent, int failed, int skipped, int suppressed, int waiting) {

		/**
		 * @param status SENT, FAILED, SKIPPED or SUPPRESSED
		 * @return the count of digests in that status
		 */
		public int count(String status) {
			return switch (status) {
				case "SENT" -> this.sent;
				case "FAILED" -> this.failed;
				case "SKIPPED" -> this.skipped;
				case "SUPPRESSED" -> this.suppressed;
				default -> throw new IllegalArgumentException("No rolled-up count of " + status);
			};
		}

	}

	/**
	 * The digests due next.
	 *
	 * @param first when the first one is due, if any is scheduled
	 * @param withinHour how many are due within the next hour (overdue ones included)
	 */
	public record NextDigests(@Nullable Instant first, long withinHour) {

	}

}
