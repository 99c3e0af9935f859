package dev.paperboy.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fault scenario found: every check with its result, all of them made before the
 * scenario fails, and a row appended to {@code target/faults/outcomes.md} (the table in
 * docs/reliability.md is copied from it).
 */
final class Outcome {

	private static final Path TABLE = Path.of("target", "faults", "outcomes.md");

	private final String scenario;

	private final List<String> passed = new ArrayList<>();

	private final List<String> failed = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	Outcome(String scenario) {
		this.scenario = scenario;
	}

	void check(String what, boolean ok, String detail) {
		(ok ? this.passed : this.failed).add(what + " (" + detail + ")");
	}

	void note(String note) {
		this.notes.add(note);
	}

	/** Appends the row, then fails when a check did. */
	void report() {
		String row = "| " + this.scenario + " | " + (this.failed.isEmpty() ? "pass" : "FAIL") + " | "
				+ (this.failed.isEmpty() ? "" : "failed: " + String.join("; ", this.failed) + ". ") + "held: "
				+ String.join("; ", this.passed) + (this.notes.isEmpty() ? "" : ". " + String.join("; ", this.notes))
				+ " | " + Instant.now() + " |\n";
		try {
			Files.createDirectories(TABLE.getParent());
			Files.writeString(TABLE, row.replace("\n|", " |").replace("\r", ""), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.print("FAULT " + row);
		if (!this.failed.isEmpty()) {
			throw new AssertionError(this.scenario + ": " + String.join("; ", this.failed));
		}
	}

}
