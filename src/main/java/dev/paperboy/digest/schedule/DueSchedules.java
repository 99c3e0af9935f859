package dev.paperboy.digest.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The schedules as the scheduler's runs read and move them: a page of due ones locked,
 * those of subscribers gone dropped, the others moved to their next period.
 */
@Component
public class DueSchedules {

	private final Schedules schedules;

	DueSchedules(Schedules schedules) {
		this.schedules = schedules;
	}

	/**
	 * Locks a page of due schedules until the transaction ends (others running the
	 * scheduler skip them).
	 * @param now the moment they are due at
	 * @param limit at most this many
	 * @return their subscribers' ids
	 */
	public List<Long> lockDue(Instant now, int limit) {
		return this.schedules.lockDue(now, limit);
	}

	/**
	 * @param subscriberIds subscribers who are no longer scheduled
	 */
	public void unschedule(Collection<Long> subscriberIds) {
		this.schedules.unschedule(subscriberIds);
	}

	/**
	 * @param nextDueAt each subscriber's next due time
	 */
	public void reschedule(Map<Long, Instant> nextDueAt) {
		this.schedules.reschedule(nextDueAt);
	}

}
