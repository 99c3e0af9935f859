package dev.paperboy.digest.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.paperboy.digest.schedule.DigestCalendar.Period;
import dev.paperboy.subscription.DeliverySchedule;
import dev.paperboy.subscription.Profile.Cadence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The DST dates of 2026: Europe/Berlin springs forward on 29 March (02:00 CET becomes
 * 03:00 CEST) and falls back on 25 October (03:00 CEST becomes 02:00 CET);
 * America/New_York springs forward on 8 March (02:00 EST becomes 03:00 EDT) and falls
 * back on 1 November (02:00 EDT becomes 01:00 EST).
 */
class DigestCalendarTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aDailyDigestComesAtTheLocalHourOnBothSidesOfSpringForward() {
		DeliverySchedule daily = schedule(Cadence.DAILY, DayOfWeek.MONDAY, 7, BERLIN);

		assertThat(walk(daily, Instant.parse("2026-03-27T12:00:00Z"), 3)).containsExactly(
				new Period("2026-03-28", date("2026-03-28"), Instant.parse("2026-03-28T06:00:00Z")),
				new Period("2026-03-29", date("2026-03-29"), Instant.parse("2026-03-29T05:00:00Z")),
				new Period("2026-03-30", date("2026-03-30"), Instant.parse("2026-03-30T05:00:00Z")));
	}

	@Test
	void anHourThatDoesNotExistOnTheSpringForwardDayComesAnHourLater() {
		DeliverySchedule daily = schedule(Cadence.DAILY, DayOfWeek.MONDAY, 2, BERLIN);

		// 02:00 CET = 01:00Z; on the 29th 02:00 does not exist, 03:00 CEST = 01:00Z;
		// then 02:00 CEST = 00:00Z.
		assertThat(walk(daily, Instant.parse("2026-03-28T00:30:00Z"), 3)).extracting(Period::dueAt)
			.containsExactly(Instant.parse("2026-03-28T01:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
					Instant.parse("2026-03-30T00:00:00Z"));
		assertThat(DigestCalendar.latest(daily, Instant.parse("2026-03-29T00:59:59Z")).key())
			.as("just before the shifted time, the day before is the latest")
			.isEqualTo("2026-03-28");
		assertThat(DigestCalendar.latest(daily, Instant.parse("2026-03-29T01:00:00Z")).key()).isEqualTo("2026-03-29");
	}

	@Test
	void anHourThatHappensTwiceOnTheFallBackDayComesOnceAtTheFirst() {
		DeliverySchedule daily = schedule(Cadence.DAILY, DayOfWeek.MONDAY, 2, BERLIN);

		// 02:00 CEST = 00:00Z comes first, 02:00 CET = 01:00Z an hour later.
		assertThat(DigestCalendar.next(daily, Instant.parse("2026-10-24T12:00:00Z")))
			.isEqualTo(new Period("2026-10-25", date("2026-10-25"), Instant.parse("2026-10-25T00:00:00Z")));
		assertThat(DigestCalendar.latest(daily, Instant.parse("2026-10-25T01:30:00Z")).key())
			.as("the second 02:00 is not a new period")
			.isEqualTo("2026-10-25");
		assertThat(DigestCalendar.next(daily, Instant.parse("2026-10-25T01:30:00Z")).dueAt())
			.isEqualTo(Instant.parse("2026-10-26T01:00:00Z"));
	}

	@Test
	void newYorkSkipsNoDayAndDoublesNoneAcrossBothChanges() {
		DeliverySchedule daily = schedule(Cadence.DAILY, DayOfWeek.MONDAY, 2, NEW_YORK);

		assertThat(walk(daily, Instant.parse("2026-03-07T00:00:00Z"), 3)).extracting(Period::dueAt)
			.containsExactly(Instant.parse("2026-03-07T07:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"),
					Instant.parse("2026-03-09T06:00:00Z"));
		DeliverySchedule early = schedule(Cadence.DAILY, DayOfWeek.MONDAY, 1, NEW_YORK);
		// 01:00 EDT = 05:00Z on 1 November comes before 01:00 EST = 06:00Z.
		assertThat(walk(early, Instant.parse("2026-10-31T00:00:00Z"), 3)).extracting(Period::key, Period::dueAt)
			.containsExactly(tuple("2026-10-31", Instant.parse("2026-10-31T05:00:00Z")),
					tuple("2026-11-01", Instant.parse("2026-11-01T05:00:00Z")),
					tuple("2026-11-02", Instant.parse("2026-11-02T06:00:00Z")));
	}

	@Test
	void aWeeklyDigestComesOnItsWeekdayAcrossTheYearEnd() {
		DeliverySchedule weekly = schedule(Cadence.WEEKLY, DayOfWeek.THURSDAY, 7, BERLIN);

		// 31 December 2026 is a Thursday; 07:00 CET = 06:00Z.
		assertThat(DigestCalendar.latest(weekly, Instant.parse("2026-12-31T05:59:59Z")).key()).isEqualTo("2026-12-24");
		assertThat(DigestCalendar.latest(weekly, Instant.parse("2027-01-06T12:00:00Z")).key()).isEqualTo("2026-12-31");
		assertThat(walk(weekly, Instant.parse("2026-12-25T00:00:00Z"), 2)).containsExactly(
				new Period("2026-12-31", date("2026-12-31"), Instant.parse("2026-12-31T06:00:00Z")),
				new Period("2027-01-07", date("2027-01-07"), Instant.parse("2027-01-07T06:00:00Z")));
	}

	@Test
	void aWeeklyDigestKeepsItsLocalHourAcrossSpringForward() {
		DeliverySchedule weekly = schedule(Cadence.WEEKLY, DayOfWeek.SUNDAY, 2, BERLIN);

		assertThat(walk(weekly, Instant.parse("2026-03-21T00:00:00Z"), 3)).extracting(Period::dueAt)
			.containsExactly(Instant.parse("2026-03-22T01:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
					Instant.parse("2026-04-05T00:00:00Z"));
	}

	@Test
	void theFingerprintChangesWithEveryPartOfTheSchedule() {
		DeliverySchedule schedule = schedule(Cadence.WEEKLY, DayOfWeek.SUNDAY, 2, BERLIN);

		assertThat(DigestCalendar.fingerprint(schedule))
			.isEqualTo(DigestCalendar.fingerprint(schedule(Cadence.WEEKLY, DayOfWeek.SUNDAY, 2, BERLIN)))
			.isNotEqualTo(DigestCalendar.fingerprint(schedule(Cadence.DAILY, DayOfWeek.SUNDAY, 2, BERLIN)))
			.isNotEqualTo(DigestCalendar.fingerprint(schedule(Cadence.WEEKLY, DayOfWeek.MONDAY, 2, BERLIN)))
			.isNotEqualTo(DigestCalendar.fingerprint(schedule(Cadence.WEEKLY, DayOfWeek.SUNDAY, 3, BERLIN)))
			.isNotEqualTo(DigestCalendar.fingerprint(schedule(Cadence.WEEKLY, DayOfWeek.SUNDAY, 2, NEW_YORK)));
	}

	// The periods due strictly after a moment, in order.
	private static List<Period> walk(DeliverySchedule schedule, Instant after, int count) {
		List<Period> periods = new ArrayList<>();
		Instant moment = after;
		for (int i = 0; i < count; i++) {
			Period period = DigestCalendar.next(schedule, moment);
			periods.add(period);
			moment = period.dueAt();
		}
		return periods;
	}

	private static DeliverySchedule schedule(Cadence cadence, DayOfWeek weekday, int hour, ZoneId zone) {
		return new DeliverySchedule(cadence, weekday, hour, zone);
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

}
