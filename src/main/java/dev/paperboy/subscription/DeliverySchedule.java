package dev.paperboy.subscription;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * When a subscriber wants their digests: the part of their {@link Profile} that says when
 * to deliver, not what to match.
 *
 * @param cadence daily or weekly
 * @param weekday the day of a weekly digest
 * @param deliveryHour the hour of delivery, 0 to 23, in the subscriber's time zone
 * @param timeZone the subscriber's time zone
 */
public record DeliverySchedule(Profile.Cadence cadence, DayOfWeek weekday, int deliveryHour, ZoneId timeZone) {

}
