package dev.paperboy.ingest;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One recorded fetch.
 *
 * @param id the run id
 * @param source the source name
 * @param trigger what started it
 * @param target what it read: days, feed, query or file name
 * @param windowFrom first day of the window, if any
 * @param windowTo last day of the window, if any
 * @param startedAt start
 * @param finishedAt end, null while running
 * @param status RUNNING, SUCCEEDED or FAILED
 * @param added papers new to the catalog
 * @param updated papers that changed
 * @param unchanged records that changed nothing
 * @param rejected records rejected, each with a reason
 * @param message why it failed, and remarks such as ignored fields
 */
public record FetchRun(long id, String source, Trigger trigger, @Nullable String target, @Nullable LocalDate windowFrom,
		@Nullable LocalDate windowTo, Instant startedAt, @Nullable Instant finishedAt, Status status, int added,
		int updated, int unchanged, int rejected, @Nullable String message) {

	/** Where a run is. */
	public enum Status {

		RUNNING, SUCCEEDED, FAILED

	}

	/**
	 * A rejected record.
	 *
	 * @param record which record
	 * @param reason why
	 * @param excerpt the start of what was received
	 */
	public record Rejection(String record, String reason, @Nullable String excerpt) {

	}

}
