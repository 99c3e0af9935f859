package dev.paperboy.digest.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.paperboy.digest.composition.Composed;

/**
 * A digest to send.
 *
 * @param id the digest
 * @param subscriberId its subscriber
 * @param period its period
 * @param dueAt when it was due
 * @param trending whether these are trending papers
 * @param attempts attempts so far, this one included
 * @param createdAt when it was composed
 * @param papers its papers, in order
 */
public record Outgoing(long id, long subscriberId, String period, Instant dueAt, boolean trending, int attempts,
		Instant createdAt, List<Composed.Pick> papers) {

	/**
	 * @param zone the subscriber's time zone
	 * @return the digest's date: its period's, or for a digest sent on request, the day
	 * it was due in the subscriber's time zone
	 */
	public LocalDate date(ZoneId zone) {
		try {
			return LocalDate.parse(this.period);
		}
		catch (DateTimeParseException ex) {
			return this.dueAt.atZone(zone).toLocalDate();
		}
	}

}
