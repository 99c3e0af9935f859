package dev.paperboy.digest.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import dev.paperboy.subscription.DeliverySchedule;
import dev.paperboy.subscription.Profile;

/**
 * When a subscriber's digests are due: at their hour in their time zone, every day or
 * every week on their weekday. A period is named by its local date, so daylight-saving
 * changes neither skip nor double one: on a day whose hour does not exist (the clocks
 * jump over it) the digest comes at the same wall-clock distance after the jump, and on a
 * day where it exists twice, at the first.
 */
public final class DigestCalendar {

	private DigestCalendar() {
	}

	/**
	 * One digest period.
	 *
	 * @param key the period's name, its local date ({@code 2026-11-23})
	 * @param date the local date
	 * @param dueAt when its digest is due
	 */
	public record Period(String key, LocalDate date, Instant dueAt) {

	}

	/**
	 * @param schedule the subscriber's delivery schedule
	 * @param now a moment
	 * @return the latest period due at or before that moment
	 */
	public static Period latest(DeliverySchedule schedule, Instant now) {
		LocalDate today = now.atZone(schedule.timeZone()).toLocalDate();
		LocalDate date = (schedule.cadence() == Profile.Cadence.WEEKLY)
				? today.with(TemporalAdjusters.previousOrSame(schedule.weekday())) : today;
		if (due(schedule, date).isAfter(now)) {
			date = (schedule.cadence() == Profile.Cadence.WEEKLY) ? date.minusWeeks(1) : date.minusDays(1);
		}
		return period(schedule, date);
	}

	/**
	 * @param schedule the subscriber's delivery schedule
	 * @param after a moment
	 * @return the first period due strictly after it
	 */
	public static Period next(DeliverySchedule schedule, Instant after) {
		LocalDate latest = latest(schedule, after).date();
		LocalDate date = (schedule.cadence() == Profile.Cadence.WEEKLY) ? latest.plusWeeks(1) : latest.plusDays(1);
		return period(schedule, date);
	}

	/**
	 * @param schedule a delivery schedule
	 * @return what the schedule depends on, to notice when it changes
	 */
	public static String fingerprint(DeliverySchedule schedule) {
		return schedule.cadence() + "|" + schedule.weekday() + "|" + schedule.deliveryHour() + "|"
				+ schedule.timeZone();
	}

	private static Period period(DeliverySchedule schedule, LocalDate date) {
		return new Period(date.toString(), date, due(schedule, date));
	}

	private static Instant due(DeliverySchedule schedule, LocalDate date) {
		// ZonedDateTime.of moves a time in a gap forward by the gap's length and picks
		// the earlier offset in an overlap.
		return ZonedDateTime.of(date, LocalTime.of(schedule.deliveryHour(), 0), schedule.timeZone()).toInstant();
	}

}
