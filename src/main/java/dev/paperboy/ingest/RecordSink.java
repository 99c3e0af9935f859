package dev.paperboy.ingest;

import dev.paperboy.papers.PaperRecord;
import org.jspecify.annotations.Nullable;

/**
 * Where a source puts what it read: valid records, and rejected ones with their reasons.
 */
public interface RecordSink {

	void accept(PaperRecord record);

	/**
	 * Records a rejected record; the rest of the batch goes on.
	 * @param record which record, for example {@code line 12} or
	 * {@code item 3 (2602.23229)}
	 * @param reason why, in words an operator can act on
	 * @param excerpt the start of what was received, if any
	 */
	void reject(String record, String reason, @Nullable String excerpt);

	/**
	 * Adds a remark to the run, such as fields that were ignored.
	 * @param note the remark
	 */
	void note(String note);

}
