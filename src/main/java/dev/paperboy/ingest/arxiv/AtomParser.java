package dev.paperboy.ingest.arxiv;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.paperboy.ingest.PaperDraft;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.RejectedRecordException;
import dev.paperboy.ingest.SourceException;
import org.jspecify.annotations.Nullable;

/**
 * Reads arXiv Atom: the query API's responses and the daily listing feeds. An API error
 * (HTTP 200 with one entry titled "Error") fails the fetch with arXiv's message. DTDs and
 * external entities are refused.
 */
public final class AtomParser {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final String ARXIV = "http://arxiv.org/schemas/atom";

	private static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

	private static final String DC = "http://purl.org/dc/elements/1.1/";

	// Listing summaries start with "arXiv:2508.13426v1 Announce Type: cross Abstract: ".
	private static final Pattern LISTING_PREFIX = Pattern
		.compile("^\\s*arXiv:\\S+\\s+Announce Type:\\s*\\S+\\s*Abstract:\\s*", Pattern.DOTALL);

	private static final XMLInputFactory XML = xmlInputFactory();

	private final String source;

	private final RecordLimits limits;

	private final boolean includeReplacements;

	/**
	 * What a feed held besides its entries.
	 *
	 * @param entries entries read, valid or not
	 * @param totalResults the query API's total, when present
	 * @param skippedReplacements "replace" announcements skipped
	 */
	public record Result(int entries, @Nullable Integer totalResults, int skippedReplacements) {

	}

	public AtomParser(String source, RecordLimits limits, boolean includeReplacements) {
		this.source = source;
		this.limits = limits;
		this.includeReplacements = includeReplacements;
	}

	public Result parse(InputStream in, RecordSink sink) throws SourceException {
		int entries = 0;
		int complete = 0;
		int skipped = 0;
		Integer total = null;
		XMLStreamReader reader = null;
		try {
			reader = XML.createXMLStreamReader(in);
			while (reader.hasNext()) {
				if (reader.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (is(reader, ATOM, "entry")) {
					entries++;
					Entry entry = entry(reader);
					complete++;
					if (entry.isApiError()) {
						throw new SourceException("arXiv API error: " + clean(entry.summary));
					}
					if (entry.isReplacement() && !this.includeReplacements) {
						skipped++;
						continue;
					}
					accept(entries, entry, sink);
				}
				else if (is(reader, OPENSEARCH, "totalResults")) {
					total = integer(reader.getElementText());
				}
			}
			return new Result(entries, total, skipped);
		}
		catch (XMLStreamException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNumber() + " column " + ex.getLocation().getColumnNumber()
					: "";
			throw new SourceException("malformed XML" + where + ", after " + complete + " complete entries: "
					+ firstLine(ex.getMessage()));
		}
		finally {
			close(reader);
		}
	}

	private void accept(int index, Entry entry, RecordSink sink) {
		String record = "entry " + index + ((entry.id != null) ? " (" + clean(entry.id) + ")" : "");
		try {
			List<String> authors = new ArrayList<>(entry.authors);
			if (authors.isEmpty() && entry.creators != null) {
				for (String name : entry.creators.split(",")) {
					authors.add(name);
				}
			}
			List<String> categories = new ArrayList<>();
			if (entry.primaryCategory != null) {
				categories.add(entry.primaryCategory);
			}
			categories.addAll(entry.categories);
			// The query API lists ACM and MSC classes ("I.2.9; J.3", "68T05") as
			// categories too.
			categories.removeIf((category) -> !PaperDraft.isArxivCategory(category.strip()));
			String summary = (entry.summary != null) ? LISTING_PREFIX.matcher(entry.summary).replaceFirst("") : null;
			sink.accept(new PaperDraft(this.source).arxivId(entry.id)
				.title(entry.title)
				.abstractText(summary)
				.authors(authors)
				.categories(categories)
				.publishedOn(entry.published)
				.build(this.limits));
		}
		catch (RejectedRecordException ex) {
			sink.reject(record, ex.getMessage(), entry.title);
		}
	}

	private static Entry entry(XMLStreamReader reader) throws XMLStreamException {
		Entry entry = new Entry();
		int depth = 1;
		while (depth > 0) {
			int event = reader.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				continue;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (is(reader, ATOM, "id")) {
				entry.id = reader.getElementText();
			}
			else if (is(reader, ATOM, "title")) {
				entry.title = reader.getElementText();
			}
			else if (is(reader, ATOM, "summary")) {
				entry.summary = reader.getElementText();
			}
			else if (is(reader, ATOM, "published")) {
				entry.published = reader.getElementText();
			}
			else if (is(reader, ATOM, "category")) {
				addIfPresent(entry.categories, reader.getAttributeValue(null, "term"));
				depth++;
			}
			else if (is(reader, ARXIV, "primary_category")) {
				entry.primaryCategory = reader.getAttributeValue(null, "term");
				depth++;
			}
			else if (is(reader, ARXIV, "announce_type")) {
				entry.announceType = reader.getElementText().strip();
			}
			else if (is(reader, DC, "creator")) {
				entry.creators = reader.getElementText();
			}
			else if (is(reader, ATOM, "name")) {
				entry.authors.add(reader.getElementText());
			}
			else {
				depth++;
			}
		}
		return entry;
	}

	private static boolean is(XMLStreamReader reader, String namespace, String name) {
		return name.equals(reader.getLocalName()) && namespace.equals(reader.getNamespaceURI());
	}

	private static void addIfPresent(List<String> list, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			list.add(value);
		}
	}

	private static @Nullable Integer integer(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String clean(@Nullable String text) {
		return (text != null) ? text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip() : "";
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable document";
		}
		String[] lines = message.strip().split("\\R");
		return lines[lines.length - 1].replaceFirst("^Message:\\s*", "");
	}

	private static void close(@Nullable XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing more to read
			}
		}
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	private static final class Entry {

		@Nullable String id;

		@Nullable String title;

		@Nullable String summary;

		@Nullable String published;

		@Nullable String primaryCategory;

		@Nullable String announceType;

		@Nullable String creators;

		final List<String> authors = new ArrayList<>();

		final List<String> categories = new ArrayList<>();

		boolean isApiError() {
			return "Error".equals(clean(this.title)) && this.id != null && this.id.contains("arxiv.org/api/errors");
		}

		boolean isReplacement() {
			return "replace".equals(this.announceType) || "replace-cross".equals(this.announceType);
		}

	}

}
