package dev.paperboy.subscription.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One CSV import as it goes: how far it is, and what became of each line.
 */
final class ImportRun {

	private final String id;

	private final int total;

	private final List<Line> lines = new ArrayList<>();

	private int imported;

	private int skipped;

	private int rejected;

	private boolean finished;

	ImportRun(String id, int total) {
		this.id = id;
		this.total = total;
	}

	String id() {
		return this.id;
	}

	int total() {
		return this.total;
	}

	synchronized void report(int line, Result result) {
		this.lines.add(new Line(line, result.outcome(), result.reason()));
		switch (result.outcome()) {
			case IMPORTED -> this.imported++;
			case SKIPPED -> this.skipped++;
			case REJECTED -> this.rejected++;
		}
	}

	synchronized void finish() {
		this.finished = true;
	}

	/**
	 * @return where the run stands now, with its report so far
	 */
	synchronized Progress progress() {
		int done = this.imported + this.skipped + this.rejected;
		return new Progress(this.id, this.total, done, this.imported, this.skipped, this.rejected, this.finished,
				(this.total > 0) ? done * 100 / this.total : 100, List.copyOf(this.lines));
	}

	/** What became of a line. */
	enum Outcome {

		IMPORTED, SKIPPED, REJECTED

	}

	record Result(Outcome outcome, @Nullable String reason) {

		static Result imported() {
			return new Result(Outcome.IMPORTED, null);
		}

		static Result skipped(String reason) {
			return new Result(Outcome.SKIPPED, reason);
		}

		static Result rejected(String reason) {
			return new Result(Outcome.REJECTED, reason);
		}

	}

	record Line(int line, Outcome outcome, @Nullable String reason) {

	}

	record Progress(String id, int total, int processed, int imported, int skipped, int rejected, boolean finished,
			int percent, List<Line> lines) {

	}

}
