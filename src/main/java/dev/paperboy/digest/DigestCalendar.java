package dev.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import dev.paperboy.subscription.Profile;

/**
 * When a subscriber's digests are due: at their hour in their time zone, every day or
 * every week on their weekday. A period is named by its local date, so daylight-saving
 * changes neither skip nor double one: on a day whose hour does not exist (the clocks
 * jump over it) the digest comes at the same wall-clock distance after the jump, and on a
 * day where it exists twice, at the first.
 */
final class DigestCalendar {

	private DigestCalendar() {
	}

	/**
	 * One digest period.
	 *
	 * @param key the period's name, its local date ({@code 2026-11-23})
	 * @param date the local date
	 * @param dueAt when its digest is due
	 */
	record Period(String key, LocalDate date, Instant dueAt) {

	}

	/**
	 * @param profile the subscriber's schedule
	 * @param now a moment
	 * @return the latest period due at or before that moment
	 */
	static Period latest(Profile profile, Instant now) {
		LocalDate today = now.atZone(profile.timeZone()).toLocalDate();
		LocalDate date = (profile.cadence() == Profile.Cadence.WEEKLY)
				? today.with(TemporalAdjusters.previousOrSame(profile.weekday())) : today;
		if (due(profile, date).isAfter(now)) {
			date = (profile.cadence() == Profile.Cadence.WEEKLY) ? date.minusWeeks(1) : date.minusDays(1);
		}
		return period(profile, date);
	}

	/**
	 * @param profile the subscriber's schedule
	 * @param after a moment
	 * @return the first period due strictly after it
	 */
	static Period next(Profile profile, Instant after) {
		LocalDate latest = latest(profile, after).date();
		LocalDate date = (profile.cadence() == Profile.Cadence.WEEKLY) ? latest.plusWeeks(1) : latest.plusDays(1);
		return period(profile, date);
	}

	/**
	 * @param profile a schedule
	 * @return what the schedule depends on, to notice when it changes
	 */
	static String fingerprint(Profile profile) {
		return profile.cadence() + "|" + profile.weekday() + "|" + profile.deliveryHour() + "|" + profile.timeZone();
	}

	private static Period period(Profile profile, LocalDate date) {
		return new Period(date.toString(), date, due(profile, date));
	}

	private static Instant due(Profile profile, LocalDate date) {
		// ZonedDateTime.of moves a time in a gap forward by the gap's length and picks
		// the
		// earlier offset in an overlap.
		return ZonedDateTime.of(date, LocalTime.of(profile.deliveryHour(), 0), profile.timeZone()).toInstant();
	}

}
