package dev.paperboy.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parser fuzz tests check of every accepted record, and Paperboy's JSON Lines
 * form of a record, for the round trips.
 */
public final class FuzzedRecords {

	/** Small limits, so that the fuzzer reaches them. */
	public static final RecordLimits LIMITS = new RecordLimits(300, 2000,
			Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

	private static final JsonMapper JSON = JsonMapper.shared();

	private FuzzedRecords() {
	}

	/**
	 * Checks what {@link PaperRecord} promises: present title and abstract within the
	 * limits, no control characters, no unpaired surrogates, no white space at either end
	 * or doubled, http or https links.
	 * @param record an accepted record
	 */
	public static void assertValid(PaperRecord record) {
		assertThat(record.title()).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxTitleLength());
		assertThat(record.abstractText()).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxAbstractLength());
		List<String> texts = new ArrayList<>(List.of(record.title(), record.abstractText()));
		texts.addAll(record.authors());
		texts.addAll(record.categories());
		texts.addAll(record.keywords());
		if (record.summary() != null) {
			texts.add(record.summary());
		}
		for (String text : texts) {
			assertClean(text);
		}
		PaperLinks links = record.links();
		for (String link : new String[] { links.arxiv(), links.pdf(), links.huggingFace(), links.code(),
				links.project() }) {
			if (link != null) {
				assertClean(link);
				// a scheme is case-insensitive (RFC 3986 3.1): "httpS" is http too
				assertThat(URI.create(link).getScheme()).matches("(?i)https?");
			}
		}
	}

	/**
	 * @param text accepted text
	 */
	public static void assertClean(String text) {
		assertThat(text).as("no white space at the ends").isEqualTo(text.strip());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			assertThat(Character.isISOControl(c)).as("control character U+%04X in %s", (int) c, text).isFalse();
			if (Character.isHighSurrogate(c)) {
				assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)))
					.as("unpaired surrogate in %s", text)
					.isTrue();
			}
			else {
				assertThat(Character.isLowSurrogate(c)).as("unpaired surrogate in %s", text).isFalse();
			}
		}
	}

	/**
	 * @param record a record
	 * @return the record as one line of Paperboy's JSON Lines format
	 */
	public static String toJsonLine(PaperRecord record) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("title", record.title());
		line.put("abstract", record.abstractText());
		line.put("arxivId", record.arxivId());
		line.put("authors", record.authors());
		line.put("categories", record.categories());
		line.put("keywords", record.keywords());
		line.put("summary", record.summary());
		line.put("publishedOn", (record.publishedOn() != null) ? record.publishedOn().toString() : null);
		line.put("featuredOn", (record.featuredOn() != null) ? record.featuredOn().toString() : null);
		line.put("upvotes", record.upvotes());
		line.put("comments", record.comments());
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("arxiv", record.links().arxiv());
		links.put("pdf", record.links().pdf());
		links.put("huggingFace", record.links().huggingFace());
		links.put("code", record.links().code());
		links.put("project", record.links().project());
		line.put("links", links);
		return JSON.writeValueAsString(line);
	}

}
