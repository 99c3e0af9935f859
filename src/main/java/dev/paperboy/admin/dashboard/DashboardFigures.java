package dev.paperboy.admin.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.paperboy.ingest.FetchStatistics.SourceHealth;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows, the same for the page and the admin API.
 *
 * @param days the range's length in days (7, 30 or 90), ending today (UTC)
 * @param from its first day
 * @param to its last day, today
 * @param generatedAt when these figures were read
 * @param subscribersByState subscribers per state now (as of the last rollup)
 * @param embeddingsPending papers waiting for a vector (counted up to
 * {@code embeddingsPendingCap})
 * @param embeddingsPendingCap the most that is counted
 * @param firstDigestDue when the next digest is due, if any is scheduled
 * @param digestsDueWithinHour digests due within the next hour
 * @param sources every source's last run and next fetch
 * @param sourceNames the sources in {@code daily}'s papersPerSource order
 * @param daily one entry per day of the range, oldest first
 * @param totals the range's sums (rates over the range's sums)
 */
record DashboardFigures(int days, LocalDate from, LocalDate to, Instant generatedAt,
		Map<String, Long> subscribersByState, long embeddingsPending, int embeddingsPendingCap,
		@Nullable Instant firstDigestDue, long digestsDueWithinHour, List<SourceHealth> sources,
		List<String> sourceNames, List<Day> daily, Day totals) {

	/**
	 * One day's figures (or a range's sums, then {@code day} is its last day).
	 *
	 * @param day the day (UTC)
	 * @param newSubscribers subscribers who confirmed on it
	 * @param lostSubscribers subscribers who unsubscribed on it
	 * @param subscribedAtStart subscribers active or paused when it began
	 * @param papersPerSource new papers per source (in {@code sourceNames}' order)
	 * @param digestsSent digests composed on it and sent
	 * @param digestsFailed digests composed on it that failed
	 * @param digestsSkipped periods with nothing to send
	 * @param digestsSuppressed digests to suppressed addresses
	 * @param bounces hard and soft bounces received on it
	 * @param complaints complaints received on it
	 * @param bounceRate bounces / digests sent, null without a digest sent
	 * @param complaintRate complaints / digests sent, null without a digest sent
	 * @param unsubscribeRate unsubscribes / subscribers at the day's start, null without
	 * subscribers
	 * @param moreLikeThis "more like this" clicks
	 * @param lessLikeThis "less like this" clicks
	 */
	record Day(LocalDate day, long newSubscribers, long lostSubscribers, long subscribedAtStart,
			List<Long> papersPerSource, long digestsSent, long digestsFailed, long digestsSkipped,
			long digestsSuppressed, long bounces, long complaints, @Nullable Double bounceRate,
			@Nullable Double complaintRate, @Nullable Double unsubscribeRate, long moreLikeThis, long lessLikeThis) {

		static @Nullable Double rate(long count, long base) {
			return (base > 0) ? (double) count / base : null;
		}

	}

}
