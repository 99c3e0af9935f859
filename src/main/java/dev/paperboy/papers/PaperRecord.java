package dev.paperboy.papers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One paper as one source describes it, already validated: title and abstract present,
 * text free of control characters, links http or https.
 *
 * @param source the source that saw it ({@code huggingface}, {@code arxiv}, {@code file},
 * ...)
 * @param arxivId arXiv id without version, when known
 * @param title the title, as plain text
 * @param abstractText the abstract, as plain text
 * @param authors authors in order
 * @param categories arXiv categories, primary first
 * @param links where it can be read
 * @param publishedOn when it was published
 * @param featuredOn the day Hugging Face featured it
 * @param upvotes Hugging Face upvotes now, when the source knows
 * @param comments Hugging Face comments now, when the source knows
 * @param keywords the source's own keywords
 * @param summary the source's one-line summary
 */
public record PaperRecord(String source, @Nullable String arxivId, String title, String abstractText,
		List<String> authors, List<String> categories, PaperLinks links, @Nullable LocalDate publishedOn,
		@Nullable LocalDate featuredOn, @Nullable Integer upvotes, @Nullable Integer comments, List<String> keywords,
		@Nullable String summary) {

	public PaperRecord {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(abstractText, "abstractText");
		authors = List.copyOf(authors);
		categories = List.copyOf(categories);
		keywords = List.copyOf(keywords);
		links = (links != null) ? links : PaperLinks.NONE;
	}

	/**
	 * A record with just a title and an abstract.
	 * @param source the source
	 * @param title the title
	 * @param abstractText the abstract
	 * @return a minimal record
	 */
	public static PaperRecord of(String source, String title, String abstractText) {
		return new PaperRecord(source, null, title, abstractText, List.of(), List.of(), PaperLinks.NONE, null, null,
				null, null, List.of(), null);
	}

}
