package dev.paperboy.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Delivery runs as the console shows them. A run is the digests due in one hour (UTC):
 * the scheduler composes each subscriber's digest in their delivery hour, so one hour's
 * digests are what one scheduler pass queued and the workers then send.
 */
@Service
public class DeliveryRuns {

	private final RunQueries queries;

	private final SubscriptionService subscriptions;

	DeliveryRuns(RunQueries queries, SubscriptionService subscriptions) {
		this.queries = queries;
		this.subscriptions = subscriptions;
	}

	/**
	 * @param at any instant of the run's hour
	 * @return the hour's digests by state, with the rate of the last minute
	 */
	public RunProgress progress(Instant at) {
		return this.queries.progress(at.truncatedTo(ChronoUnit.HOURS));
	}

	/**
	 * @param at any instant of the run's hour
	 * @param limit at most this many
	 * @return the run's failed digests, with masked addresses
	 */
	public List<FailedDigest> failed(Instant at, int limit) {
		return rows(this.queries.failed(at.truncatedTo(ChronoUnit.HOURS), limit));
	}

	private List<FailedDigest> rows(List<Map<String, Object>> rows) {
		Map<Long, Subscriber> subscribers = this.subscriptions
			.find(rows.stream().map((row) -> ((Number) row.get("subscriber_id")).longValue()).toList())
			.stream()
			.collect(Collectors.toMap(Subscriber::id, Function.identity()));
		return rows.stream().map((row) -> {
			long subscriber = ((Number) row.get("subscriber_id")).longValue();
			Subscriber found = subscribers.get(subscriber);
			return new FailedDigest(((Number) row.get("id")).longValue(), subscriber,
					(found != null) ? mask(found.email()) : "(gone)", ((Number) row.get("attempts")).intValue(),
					maskAddresses((String) row.get("last_error")), ((Timestamp) row.get("due_at")).toInstant());
		}).toList();
	}

	/**
	 * The newest digests composed in a range of days (UTC) that are now in one status:
	 * the digests {@link DigestStatistics#total} counts.
	 * @param status SENT, FAILED, SKIPPED or SUPPRESSED
	 * @param from the first day
	 * @param to the last day
	 * @param limit at most this many
	 * @return newest first, with masked addresses
	 */
	public List<FailedDigest> composed(String status, LocalDate from, LocalDate to, int limit) {
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return rows(this.queries.composed(status, start, end, limit));
	}

	/**
	 * Sends the failed digests of one run again.
	 * @param at any instant of the run's hour
	 * @return how many were queued again
	 */
	public int retryFailed(Instant at) {
		return this.queries.retryFailed(at.truncatedTo(ChronoUnit.HOURS));
	}

	/**
	 * To how many subscribers a paper was sent, counted up to a cap (a paper in a million
	 * digests is not counted row by row on every page view).
	 * @param paperId the paper's row id
	 * @param cap count no further
	 * @return the count, at most {@code cap}
	 */
	public long sentTo(long paperId, long cap) {
		return this.queries.sentTo(paperId, cap);
	}

	/** a***@example.org: enough to tell addresses apart on a page, not to read them. */
	static String mask(String address) {
		int at = address.lastIndexOf('@');
		return (at <= 0) ? "***" : address.charAt(0) + "***" + address.substring(at);
	}

	static @Nullable String maskAddresses(@Nullable String text) {
		return (text == null) ? null : text.replaceAll("[A-Za-z0-9._%+\\-]+@([A-Za-z0-9.\\-]+)", "***@$1");
	}

	/**
	 * One run's digests by state.
	 *
	 * @param hour the run's hour (UTC)
	 * @param queued waiting to be sent, first time or again
	 * @param sending claimed by a worker
	 * @param sent sent
	 * @param failed given up
	 * @param skipped suppressed or with nothing to send
	 * @param lastMinute sent in the last minute
	 */
	public record RunProgress(Instant hour, long queued, long sending, long sent, long failed, long skipped,
			long lastMinute) {

		public long total() {
			return this.queued + this.sending + this.sent + this.failed + this.skipped;
		}

		/**
		 * @return the seconds left at the last minute's rate, or null when none were sent
		 */
		public @Nullable Long secondsLeft() {
			long left = this.queued + this.sending;
			if (left == 0) {
				return 0L;
			}
			return (this.lastMinute == 0) ? null : (left * 60 + this.lastMinute - 1) / this.lastMinute;
		}

		public boolean finished() {
			return this.queued + this.sending == 0;
		}

	}

	/**
	 * A digest as the console lists it: one given up, or one of a status.
	 *
	 * @param id the digest
	 * @param subscriberId its subscriber
	 * @param maskedAddress the address, masked
	 * @param attempts how often it was tried
	 * @param lastError the last error, addresses masked
	 * @param dueAt when it was due
	 */
	public record FailedDigest(long id, long subscriberId, String maskedAddress, int attempts,
			@Nullable String lastError, Instant dueAt) {

	}

}
