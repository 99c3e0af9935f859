package dev.paperboy.subscription;

import dev.paperboy.DailyRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscription's figures for the console: subscribers per state and, per day (UTC), who
 * confirmed, who unsubscribed, how many were subscribed at its end and the "more / less
 * like this" votes given. Read from the rollups {@code subscriber_state_count} and
 * {@code subscriber_daily}, which {@link #rollUp()} keeps current.
 */
@Service
public class SubscriberStatistics implements DailyRollup {

	private final SubscriberStatisticsStore store;

	SubscriberStatistics(SubscriberStatisticsStore store) {
		this.store = store;
	}

	/**
	 * @return subscribers per state as of the last rollup, every state present
	 */
	public Map<Subscriber.Status, Long> byState() {
		return this.store.byState();
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
	 * Counts the states again and re-aggregates today and yesterday (UTC). Does nothing
	 * while another instance does it.
	 * @return whether this call did the work
	 */
	@Transactional
	@Override
	public boolean rollUp() {
		return this.store.rollUp();
	}

	/**
	 * One day's figures.
	 *
	 * @param day the day (UTC)
	 * @param confirmed subscribers who confirmed on it
	 * @param unsubscribed subscribers who unsubscribed on it
	 * @param subscribed subscribers active or paused at its end
	 * @param moreLikeThis "more like this" votes given on it
	 * @param lessLikeThis "less like this" votes given on it
	 */
	public record Day(LocalDate day, int confirmed, int unsubscribed, long subscribed, int moreLikeThis,
			int lessLikeThis) {

	}

}
