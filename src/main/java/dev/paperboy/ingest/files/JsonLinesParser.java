package dev.paperboy.ingest.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.paperboy.ingest.JsonFields;
import dev.paperboy.ingest.PaperDraft;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.RejectedRecordException;
import dev.paperboy.ingest.SourceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Paperboy's own JSON Lines format: one JSON object per line, with the fields of
 * the read API's paper object. {@code title} and {@code abstract} are required; the rest
 * is optional; fields Paperboy only writes ({@code key}, {@code firstSeenAt},
 * {@code sources}, {@code popularity}) are ignored so that API output imports again;
 * other fields are ignored and named in the run's message. Each line stands alone: a
 * broken line is rejected with its number and reason, and the next line is read.
 */
public final class JsonLinesParser {

	static final Set<String> FIELDS = Set.of("title", "abstract", "arxivId", "authors", "categories", "keywords",
			"summary", "publishedOn", "featuredOn", "upvotes", "comments", "links");

	private static final Set<String> OUTPUT_ONLY = Set.of("key", "firstSeenAt", "sources", "popularity");

	private static final Set<String> LINKS = Set.of("arxiv", "pdf", "huggingFace", "code", "project");

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String source;

	private final RecordLimits limits;

	private final int maxLineBytes;

	public JsonLinesParser(String source, RecordLimits limits, int maxLineBytes) {
		this.source = source;
		this.limits = limits;
		this.maxLineBytes = maxLineBytes;
	}

	/**
	 * Reads every line into the sink.
	 * @param in the file
	 * @param sink where records and rejections go
	 * @return the number of non-blank lines
	 * @throws SourceException when the file cannot be read
	 */
	public int parse(InputStream in, RecordSink sink) throws SourceException {
		Map<String, Integer> unknown = new TreeMap<>();
		LineReader lines = new LineReader(in, this.maxLineBytes);
		int records = 0;
		try {
			LineReader.Line line;
			while ((line = lines.next()) != null) {
				if (line.tooLong()) {
					records++;
					sink.reject("line " + line.number(), "line is longer than " + this.maxLineBytes + " bytes", null);
					continue;
				}
				String text;
				try {
					text = decode(line.bytes());
				}
				catch (CharacterCodingException ex) {
					records++;
					sink.reject("line " + line.number(), "invalid UTF-8", null);
					continue;
				}
				if (text.isBlank()) {
					continue;
				}
				records++;
				read(line.number(), text, sink, unknown);
			}
		}
		catch (IOException ex) {
			throw new SourceException("could not read the file after " + records + " records: " + ex.getMessage());
		}
		if (!unknown.isEmpty()) {
			StringBuilder note = new StringBuilder("ignored unknown fields:");
			unknown.forEach((field, count) -> note.append(' ')
				.append((field.length() <= 40) ? field : field.substring(0, 40) + "…")
				.append(" (")
				.append(count)
				.append(')'));
			sink.note(note.toString());
		}
		return records;
	}

	private void read(long number, String text, RecordSink sink, Map<String, Integer> unknown) {
		String record = "line " + number;
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			sink.reject(record, "malformed JSON: " + ex.getOriginalMessage(), text);
			return;
		}
		try {
			if (node == null || !node.isObject()) {
				throw new RejectedRecordException("line is not a JSON object");
			}
			for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
				String name = names.next();
				if (!FIELDS.contains(name) && !OUTPUT_ONLY.contains(name) && unknown.size() < 50) {
					unknown.merge(name, 1, Integer::sum);
				}
			}
			JsonNode links = node.path("links");
			if (!links.isMissingNode() && !links.isNull() && !links.isObject()) {
				throw new RejectedRecordException("links must be an object");
			}
			for (String name : links.propertyNames()) {
				if (!LINKS.contains(name) && unknown.size() < 50) {
					unknown.merge("links." + name, 1, Integer::sum);
				}
			}
			sink.accept(new PaperDraft(this.source).arxivId(JsonFields.text(node, "arxivId"))
				.title(JsonFields.text(node, "title"))
				.abstractText(JsonFields.text(node, "abstract"))
				.authors(JsonFields.strings(node, "authors", null))
				.categories(JsonFields.strings(node, "categories", null))
				.keywords(JsonFields.strings(node, "keywords", null))
				.summary(JsonFields.text(node, "summary"))
				.publishedOn(JsonFields.text(node, "publishedOn"))
				.featuredOn(JsonFields.text(node, "featuredOn"))
				.popularity(JsonFields.number(node, "upvotes"), JsonFields.number(node, "comments"))
				.links(JsonFields.text(links, "arxiv"), JsonFields.text(links, "pdf"),
						JsonFields.text(links, "huggingFace"), JsonFields.text(links, "code"),
						JsonFields.text(links, "project"))
				.build(this.limits));
		}
		catch (RejectedRecordException ex) {
			sink.reject(record, ex.getMessage(), text);
		}
	}

	private static String decode(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/**
	 * Splits a byte stream into lines without ever holding more than the longest allowed
	 * line.
	 */
	static final class LineReader {

		record Line(long number, byte[] bytes, boolean tooLong) {
		}

		private final InputStream in;

		private final int maxBytes;

		private final byte[] buffer = new byte[64 * 1024];

		private int position;

		private int limit;

		private long number;

		LineReader(InputStream in, int maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		Line next() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			boolean tooLong = false;
			boolean any = false;
			while (true) {
				if (this.position == this.limit) {
					this.limit = this.in.read(this.buffer);
					this.position = 0;
					if (this.limit <= 0) {
						this.limit = 0;
						return any ? finish(line, tooLong) : null;
					}
				}
				any = true;
				int start = this.position;
				while (this.position < this.limit && this.buffer[this.position] != '\n') {
					this.position++;
				}
				int length = this.position - start;
				// one byte more than the limit for the carriage return of a CRLF line
				if (!tooLong && line.size() + length > this.maxBytes + 1) {
					tooLong = true;
					line.reset();
				}
				if (!tooLong) {
					line.write(this.buffer, start, length);
				}
				if (this.position < this.limit) {
					this.position++;
					return finish(line, tooLong);
				}
			}
		}

		private Line finish(ByteArrayOutputStream line, boolean tooLong) {
			this.number++;
			byte[] bytes = line.toByteArray();
			int end = bytes.length;
			if (end > 0 && bytes[end - 1] == '\r') {
				end--;
			}
			int start = (this.number == 1 && end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
			byte[] trimmed = (start == 0 && end == bytes.length) ? bytes : Arrays.copyOfRange(bytes, start, end);
			return new Line(this.number, trimmed, tooLong || trimmed.length > this.maxBytes);
		}

	}

}
