package dev.paperboy.papers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A paper in the catalog.
 *
 * @param key the stable key: arXiv id without version, or {@code h-} and a title hash
 * @param arxivId the arXiv id, when known
 * @param title plain text, never HTML
 * @param abstractText plain text, never HTML
 * @param authors authors in order
 * @param categories arXiv categories
 * @param links where to read it
 * @param publishedOn publication date
 * @param featuredOn the day Hugging Face featured it
 * @param firstSeenAt when Paperboy first saw it
 * @param upvotes Hugging Face upvotes now
 * @param comments Hugging Face comments now
 * @param keywords the source's keywords
 * @param summary the source's one-line summary
 * @param sources every source that has seen it
 */
public record Paper(String key, @Nullable String arxivId, String title, @JsonProperty("abstract") String abstractText,
		List<String> authors, List<String> categories, PaperLinks links, @Nullable LocalDate publishedOn,
		@Nullable LocalDate featuredOn, Instant firstSeenAt, @Nullable Integer upvotes, @Nullable Integer comments,
		List<String> keywords, @Nullable String summary, List<String> sources) {

}
