package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.paperboy.papers.PaperRecord;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RecordSink} for tests that keeps everything it is given, in order.
 */
public final class CollectingSink implements RecordSink {

	private final List<PaperRecord> accepted = new ArrayList<>();

	private final List<Rejection> rejections = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	@Override
	public void accept(PaperRecord record) {
		this.accepted.add(record);
	}

	@Override
	public void reject(String record, String reason, @Nullable String excerpt) {
		this.rejections.add(new Rejection(record, reason, excerpt));
	}

	@Override
	public void note(String note) {
		this.notes.add(note);
	}

	public List<PaperRecord> accepted() {
		return this.accepted;
	}

	public List<Rejection> rejections() {
		return this.rejections;
	}

	public List<String> notes() {
		return this.notes;
	}

	/**
	 * Every piece of text the sink received, to check that nothing leaked into it.
	 * @return titles, abstracts, authors, rejection reasons and excerpts, notes
	 */
	public String everything() {
		StringBuilder text = new StringBuilder();
		this.accepted.forEach((record) -> text.append(record).append('\n'));
		this.rejections.forEach((rejection) -> text.append(rejection).append('\n'));
		this.notes.forEach((note) -> text.append(note).append('\n'));
		return text.toString();
	}

	/**
	 * A rejected record as the parser reported it.
	 *
	 * @param record which record
	 * @param reason why
	 * @param excerpt the start of what was received
	 */
	public record Rejection(String record, String reason, @Nullable String excerpt) {

	}

}
