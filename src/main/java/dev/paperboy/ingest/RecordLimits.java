package dev.paperboy.ingest;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The bounds a record must respect to be accepted.
 *
 * @param maxTitleLength characters
 * @param maxAbstractLength characters
 * @param clock to tell dates in the future
 */
public record RecordLimits(int maxTitleLength, int maxAbstractLength, Clock clock) {

	static final int MAX_SHORT_TEXT = 500;

	static final int MAX_SUMMARY = 2000;

	static final int MAX_LIST = 1000;

	static final int MAX_URL = 2048;

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static RecordLimits of(IngestProperties properties, Clock clock) {
		return new RecordLimits(properties.maxTitleLength(), properties.maxAbstractLength(), clock);
	}

	public static RecordLimits defaults() {
		return new RecordLimits(1000, 20000, Clock.systemUTC());
	}

	LocalDate latest() {
		return LocalDate.now(this.clock).plusYears(1);
	}

}
