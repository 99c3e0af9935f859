package dev.paperboy.ingest;

import org.jspecify.annotations.Nullable;

/**
 * A place papers come from. Each source is a small adapter: it reads its remote format
 * and hands every record, or its rejection, to the sink.
 */
public interface PaperSource {

	/**
	 * @return the name used in configuration, fetch runs and the admin API
	 */
	String name();

	/**
	 * @return whether the source may run at all
	 */
	boolean enabled();

	/**
	 * @return a Spring cron expression, or {@code -} for manual fetches only
	 */
	String schedule();

	/**
	 * Says what a fetch of the window will read, for the run record.
	 * @param window the requested window, or null for the source's default
	 * @return for example {@code days 2026-11-21..2026-11-23}
	 */
	String describe(@Nullable FetchWindow window);

	/**
	 * Fetches records into the sink.
	 * @param window the days to fetch, or null for the source's default
	 * @param sink where records and rejections go
	 * @throws SourceException when the source fails; what reached the sink before still
	 * lands
	 */
	void fetch(@Nullable FetchWindow window, RecordSink sink) throws SourceException;

}
