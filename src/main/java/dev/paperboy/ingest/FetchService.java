package dev.paperboy.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.paperboy.papers.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * Runs fetches and records each one: source, trigger, window, times, status, counts and
 * rejected records. A failing source fails its own run and nothing else.
 */
@Service
public class FetchService {

	private static final Logger log = LoggerFactory.getLogger(FetchService.class);

	private final Map<String, PaperSource> sources;

	private final PaperCatalog catalog;

	private final FetchRuns runs;

	private final IngestProperties properties;

	private final TaskExecutor executor;

	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	private volatile boolean stopping;

	FetchService(List<PaperSource> sources, PaperCatalog catalog, FetchRuns runs, IngestProperties properties,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.sources = sources.stream().collect(Collectors.toMap(PaperSource::name, Function.identity()));
		this.catalog = catalog;
		this.runs = runs;
		this.properties = properties;
		this.executor = executor;
	}

	/**
	 * @return every source, enabled or not
	 */
	public List<PaperSource> sources() {
		return this.sources.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

	public Optional<PaperSource> source(String name) {
		return Optional.ofNullable(this.sources.get(name));
	}

	/**
	 * Fetches from a source now, in this thread.
	 * @param source the source
	 * @param trigger what started it
	 * @param window the days, or null for the source's default
	 * @return the finished run
	 */
	public FetchRun fetch(PaperSource source, Trigger trigger, @Nullable FetchWindow window) {
		long id = this.runs.start(source.name(), trigger, source.describe(window), window);
		return execute(id, source.name(), (sink) -> source.fetch(window, sink));
	}

	/**
	 * Starts a fetch in the background, unless this instance is already fetching from
	 * that source.
	 * @param source the source
	 * @param trigger what started it
	 * @param window the days, or null for the source's default
	 * @return the run, still RUNNING, or empty when the source is busy
	 */
	public Optional<FetchRun> start(PaperSource source, Trigger trigger, @Nullable FetchWindow window) {
		if (!this.busy.add(source.name())) {
			log.info("Not starting a {} fetch of {}: one is still running", trigger, source.name());
			return Optional.empty();
		}
		try {
			long id = this.runs.start(source.name(), trigger, source.describe(window), window);
			this.executor.execute(() -> {
				try {
					execute(id, source.name(), (sink) -> source.fetch(window, sink));
				}
				finally {
					this.busy.remove(source.name());
				}
			});
			return this.runs.find(id);
		}
		catch (RuntimeException ex) {
			this.busy.remove(source.name());
			throw ex;
		}
	}

	/**
	 * Runs work that is not a configured source, such as a file import, as a recorded
	 * run.
	 * @param source the name recorded as the source
	 * @param trigger what started it
	 * @param target what is read
	 * @param work reads records into the sink
	 * @return the finished run
	 */
	public FetchRun run(String source, Trigger trigger, String target, Work work) {
		long id = this.runs.start(source, trigger, BatchingSink.printable(target, 200), null);
		return execute(id, source + " " + target, work);
	}

	/**
	 * Starts work that is not a configured source, such as an uploaded file, as a
	 * recorded run in the background.
	 * @param source the name recorded as the source
	 * @param trigger what started it
	 * @param target what is read
	 * @param work reads records into the sink
	 * @return the run, still RUNNING
	 */
	public FetchRun begin(String source, Trigger trigger, String target, Work work) {
		long id = this.runs.start(source, trigger, BatchingSink.printable(target, 200), null);
		try {
			this.executor.execute(() -> execute(id, source + " " + target, work));
		}
		catch (TaskRejectedException ex) {
			// The executor is saturated: the caller's thread does the work.
			execute(id, source + " " + target, work);
		}
		return this.runs.find(id).orElseThrow();
	}

	/**
	 * The service is shutting down: runs in progress end after their batch in hand, which
	 * is saved, and are recorded as failed (a new run completes the rest).
	 */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
	}

	public Optional<FetchRun> find(long id) {
		return this.runs.find(id);
	}

	public List<FetchRun> list(@Nullable String source, int limit, int page) {
		return this.runs.list(source, limit, page * limit);
	}

	public List<FetchRun.Rejection> rejections(long runId, int limit) {
		return this.runs.rejections(runId, limit);
	}

	public boolean hasSucceeded(String source) {
		return this.runs.hasSucceeded(source);
	}

	/**
	 * Gives up runs a dead process left RUNNING.
	 * @param olderThan how long a run may have been running
	 * @return how many were given up
	 */
	public int abandonStale(Duration olderThan) {
		return this.runs.abandon(Instant.now().minus(olderThan));
	}

	private FetchRun execute(long id, String label, Work work) {
		BatchingSink sink = new BatchingSink(id, label, this.catalog, this.runs, this.properties, () -> this.stopping);
		FetchRun.Status status = FetchRun.Status.SUCCEEDED;
		String failure = null;
		try {
			work.run(sink);
		}
		catch (SourceException | BatchingSink.Stopped ex) {
			status = FetchRun.Status.FAILED;
			failure = ex.getMessage();
		}
		catch (RuntimeException ex) {
			status = FetchRun.Status.FAILED;
			failure = "internal error: " + ex;
			log.error("Fetch run {} ({}) failed", id, label, ex);
		}
		try {
			// What arrived before a failure still lands.
			sink.finish();
		}
		catch (RuntimeException ex) {
			status = FetchRun.Status.FAILED;
			failure = ((failure != null) ? failure + "; " : "") + "could not save the last batch: " + ex.getMessage();
			log.error("Fetch run {} ({}) could not save its last batch", id, label, ex);
		}
		String message = join(failure, sink.notes());
		this.runs.finish(id, status, sink.counts(), sink.rejected(), message);
		FetchRun run = this.runs.find(id).orElseThrow();
		if (status == FetchRun.Status.FAILED) {
			log.warn("Fetch run {} ({}) failed after {} new, {} updated, {} unchanged, {} rejected: {}", id, label,
					run.added(), run.updated(), run.unchanged(), run.rejected(), failure);
		}
		else {
			log.info("Fetch run {} ({}) done: {} new, {} updated, {} unchanged, {} rejected", id, label, run.added(),
					run.updated(), run.unchanged(), run.rejected());
		}
		return run;
	}

	private static @Nullable String join(@Nullable String failure, @Nullable String notes) {
		if (failure == null) {
			return notes;
		}
		return (notes == null) ? failure : failure + "; " + notes;
	}

	/**
	 * Reads records into a sink.
	 */
	@FunctionalInterface
	public interface Work {

		void run(RecordSink sink) throws SourceException;

	}

}
