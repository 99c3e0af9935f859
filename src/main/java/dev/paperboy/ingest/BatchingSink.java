package dev.paperboy.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.papers.SaveCounts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a run's records into batches, writes each batch in one statement, stores
 * rejections, and keeps the run's counts current so a long import shows its progress.
 *
 * <p>
 * Batches are written by writer threads (each with its own connection) while the source
 * goes on reading, so parsing and the database work (mostly computing the full-text
 * vectors) use every core; at most one batch per writer is in flight, so memory stays
 * bounded. Call {@link #finish()} once at the end.
 */
final class BatchingSink implements RecordSink {

	private static final Logger log = LoggerFactory.getLogger(BatchingSink.class);

	private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final long runId;

	private final String label;

	private final BooleanSupplier stopping;

	private final PaperCatalog catalog;

	private final FetchRuns runs;

	private final int batchSize;

	private final int maxRecordedRejections;

	private final List<PaperRecord> pending = new ArrayList<>();

	private final List<FetchRun.Rejection> pendingRejections = new ArrayList<>();

	private final Set<String> notes = new LinkedHashSet<>();

	private final int writers;

	private final ExecutorService writer;

	private final Deque<Future<SaveCounts>> inFlight = new ArrayDeque<>();

	private SaveCounts counts = SaveCounts.NONE;

	private int rejected;

	private long lastProgress = System.nanoTime();

	BatchingSink(long runId, String label, PaperCatalog catalog, FetchRuns runs, IngestProperties properties) {
		this(runId, label, catalog, runs, properties, () -> false);
	}

	/**
	 * @param stopping whether the service is shutting down: the run then ends after the
	 * batch in hand, which is saved
	 */
	BatchingSink(long runId, String label, PaperCatalog catalog, FetchRuns runs, IngestProperties properties,
			BooleanSupplier stopping) {
		this.stopping = stopping;
		this.runId = runId;
		this.label = label;
		this.catalog = catalog;
		this.runs = runs;
		this.batchSize = properties.batchSize();
		this.maxRecordedRejections = properties.maxRecordedRejections();
		this.writers = properties.writers();
		this.writer = Executors.newFixedThreadPool(this.writers,
				Thread.ofPlatform().name("paperboy-writer-" + runId + "-", 1).factory());
	}

	@Override
	public void accept(PaperRecord record) {
		this.pending.add(record);
		if (this.pending.size() >= this.batchSize) {
			flush();
			if (this.stopping.getAsBoolean()) {
				throw new Stopped();
			}
		}
	}

	@Override
	public void reject(String record, String reason, @Nullable String excerpt) {
		this.rejected++;
		if (this.rejected <= this.maxRecordedRejections) {
			this.pendingRejections
				.add(new FetchRun.Rejection(printable(record, 200), printable(reason, 1000), printable(excerpt, 300)));
		}
		else if (this.rejected == this.maxRecordedRejections + 1) {
			note("only the first " + this.maxRecordedRejections + " rejections are stored");
		}
		if (this.pendingRejections.size() >= this.batchSize) {
			flush();
		}
	}

	@Override
	public void note(String note) {
		this.notes.add(printable(note, 1000));
	}

	void flush() {
		if (!this.pending.isEmpty()) {
			List<PaperRecord> batch = List.copyOf(this.pending);
			this.pending.clear();
			this.inFlight.add(this.writer.submit(() -> this.catalog.save(batch)));
			while (this.inFlight.size() > this.writers) {
				collect();
			}
		}
		if (!this.pendingRejections.isEmpty()) {
			this.runs.addRejections(this.runId, List.copyOf(this.pendingRejections));
			this.pendingRejections.clear();
		}
		this.runs.progress(this.runId, this.counts, this.rejected);
		if (System.nanoTime() - this.lastProgress > PROGRESS_EVERY_NANOS) {
			this.lastProgress = System.nanoTime();
			log.info("{}: {} records so far ({} new, {} updated, {} unchanged, {} rejected)", this.label,
					this.counts.total() + this.rejected, this.counts.added(), this.counts.updated(),
					this.counts.unchanged(), this.rejected);
		}
	}

	/**
	 * Writes what is left and waits for every batch to be written.
	 * @throws RuntimeException the first failure of a batch
	 */
	void finish() {
		try {
			flush();
			while (!this.inFlight.isEmpty()) {
				collect();
			}
			this.runs.progress(this.runId, this.counts, this.rejected);
		}
		finally {
			this.inFlight.forEach((batch) -> batch.cancel(false));
			this.writer.shutdown();
		}
	}

	private void collect() {
		try {
			this.counts = this.counts.plus(this.inFlight.poll().get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing papers", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	SaveCounts counts() {
		return this.counts;
	}

	int rejected() {
		return this.rejected;
	}

	@Nullable String notes() {
		return this.notes.isEmpty() ? null : String.join("; ", this.notes);
	}

	// What a source sent us may hold anything; what we store and show holds no control
	// characters and no broken Unicode.
	static @Nullable String printable(@Nullable String text, int maxLength) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength + 1));
		for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
				out.append('\uFFFD');
			}
			else {
				out.append(c);
			}
		}
		return (out.length() < text.length()) ? out.append('…').toString() : out.toString();
	}

	/** Ends a run when the service shuts down, after its batch in hand. */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("the service shut down before the run finished; what was read until then is saved", null, false,
					false);
		}

	}

}
