package dev.paperboy.ingest.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.CollectingSink.Rejection;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class JsonLinesParserTests {

	private static final RecordLimits LIMITS = new RecordLimits(300, 1000,
			Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

	private static final int MAX_LINE_BYTES = 4096;

	private final CollectingSink sink = new CollectingSink();

	@Test
	void acceptsGoodLinesAndRejectsBadOnesWithTheirLineNumbers() throws Exception {
		String file = lines(paper("One"), "{\"title\": \"Broken\", \"abstract\": ", paper("Two"),
				"{\"title\": \"No abstract\"}", paper("Three"));
		int records = parse(file);
		assertThat(records).isEqualTo(5);
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("One", "Two", "Three");
		assertThat(this.sink.rejections()).hasSize(2);
		assertThat(this.sink.rejections().get(0).record()).isEqualTo("line 2");
		assertThat(this.sink.rejections().get(0).reason()).startsWith("malformed JSON: ");
		assertThat(this.sink.rejections().get(0).excerpt()).isEqualTo("{\"title\": \"Broken\", \"abstract\": ");
		assertThat(this.sink.rejections().get(1))
			.isEqualTo(new Rejection("line 4", "missing abstract", "{\"title\": \"No abstract\"}"));
	}

	@Test
	void rejectsALineWithInvalidUtf8AndReadsTheNext() throws Exception {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes("{\"title\": \"Bad ".getBytes(StandardCharsets.UTF_8));
		file.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
		file.writeBytes("\", \"abstract\": \"A.\"}\n".getBytes(StandardCharsets.UTF_8));
		file.writeBytes((paper("Caf\u00e9 na\u00efve") + "\n").getBytes(StandardCharsets.UTF_8));
		int records = parse(file.toByteArray());
		assertThat(records).isEqualTo(2);
		assertThat(this.sink.rejections()).extracting(Rejection::record, Rejection::reason)
			.containsExactly(tuple("line 1", "invalid UTF-8"));
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Café naïve");
	}

	@Test
	void rejectsALineLongerThanTheLimitAndReadsOn() throws Exception {
		String tooLong = "{\"title\": \"Long\", \"abstract\": \"" + "x".repeat(MAX_LINE_BYTES) + "\"}";
		String file = lines(paper("Before"), tooLong, paper("After"));
		int records = parse(file);
		assertThat(records).isEqualTo(3);
		assertThat(this.sink.rejections())
			.containsExactly(new Rejection("line 2", "line is longer than " + MAX_LINE_BYTES + " bytes", null));
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Before", "After");
	}

	@Test
	void skipsALineLongerThanTheReadBufferWithoutLosingItsNeighbours() throws Exception {
		String huge = "{\"title\": \"Huge\", \"abstract\": \"" + "y".repeat(200_000) + "\"}";
		String file = lines(paper("Before"), huge, paper("After"));
		parse(file);
		assertThat(this.sink.rejections()).extracting(Rejection::record).containsExactly("line 2");
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Before", "After");
	}

	@Test
	void readsALineThatSpansSeveralReads() throws Exception {
		// Unknown fields are ignored, so padding makes a valid line longer than one read.
		String padded = "{\"title\": \"Padded\", \"abstract\": \"A.\", \"padding\": \"" + "z".repeat(100_000) + "\"}";
		String file = lines(paper("Before"), padded, paper("After"));
		int records = new JsonLinesParser("file", LIMITS, 200_000)
			.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), this.sink);
		assertThat(records).isEqualTo(3);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Before", "Padded", "After");
	}

	@Test
	void handlesCrlfLineEndingsAndAByteOrderMark() throws Exception {
		String file = "\uFEFF" + paper("First") + "\r\n" + "{\"title\": \"No abstract\"}\r\n" + paper("Third") + "\r\n";
		int records = parse(file);
		assertThat(records).isEqualTo(3);
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("First", "Third");
		assertThat(this.sink.rejections())
			.containsExactly(new Rejection("line 2", "missing abstract", "{\"title\": \"No abstract\"}"));
	}

	@Test
	void readsTheSameRecordsWhenBytesTrickleIn() throws Exception {
		String file = "\uFEFF" + paper("First") + "\r\n\r\n" + "{\"title\": \"No abstract\"}\r\n"
				+ paper("Fourth \u00e9\u00e8") + "\n" + paper("Fifth");
		int records = new JsonLinesParser("file", LIMITS, MAX_LINE_BYTES)
			.parse(new TricklingInputStream(file.getBytes(StandardCharsets.UTF_8)), this.sink);
		assertThat(records).isEqualTo(4);
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("First", "Fourth éè", "Fifth");
		assertThat(this.sink.rejections()).extracting(Rejection::record).containsExactly("line 3");
	}

	@Test
	void ignoresBlankLinesButKeepsCountingThem() throws Exception {
		String file = "\n   \n" + paper("Third") + "\n\t\n{\"abstract\": \"No title\"}\n\n";
		int records = parse(file);
		assertThat(records).isEqualTo(2);
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Third");
		assertThat(this.sink.rejections()).extracting(Rejection::record, Rejection::reason)
			.containsExactly(tuple("line 5", "missing title"));
	}

	@Test
	void readsAnEmptyFileAsNoRecords() throws Exception {
		assertThat(parse("")).isZero();
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.notes()).isEmpty();
	}

	@Test
	void namesUnknownFieldsInOneNote() throws Exception {
		String file = lines("{\"title\": \"One\", \"abstract\": \"A.\", \"doi\": \"10.1/x\", \"venue\": \"X\"}",
				"{\"title\": \"Two\", \"abstract\": \"B.\", \"doi\": \"10.1/y\"}");
		parse(file);
		assertThat(this.sink.accepted()).hasSize(2);
		assertThat(this.sink.notes()).containsExactly("ignored unknown fields: doi (2) venue (1)");
	}

	@Test
	void doesNotNoteFieldsThatPaperboyWrites() throws Exception {
		String file = lines("""
				{"key": "2602.23229", "firstSeenAt": "2026-03-06T04:00:00Z", "sources": ["huggingface"], \
				"popularity": {"upvotes": 10}, "title": "Exported", "abstract": "A.", "arxivId": "2602.23229"}""");
		parse(file);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2602.23229");
		assertThat(this.sink.notes()).isEmpty();
	}

	@Test
	void readsEveryKnownFieldIncludingLinks() throws Exception {
		String file = lines("""
				{"title": "Full", "abstract": "Everything.", "arxivId": "2602.23229v2", \
				"authors": ["Ada Lovelace", "Alan Turing"], "categories": ["cs.LG", "cs.AI"], \
				"keywords": ["engines"], "summary": "In short.", "publishedOn": "2026-02-26", \
				"featuredOn": "2026-03-06T03:55:12.777Z", "upvotes": 10, "comments": 1, \
				"links": {"arxiv": "https://arxiv.org/abs/2602.23229v2", "pdf": "https://example.org/a.pdf", \
				"huggingFace": "https://huggingface.co/papers/2602.23229", "code": "https://github.com/a/b", \
				"project": "http://example.org/"}}""");
		parse(file);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).singleElement().satisfies((paper) -> {
			assertThat(paper.source()).isEqualTo("file");
			assertThat(paper.arxivId()).isEqualTo("2602.23229");
			assertThat(paper.authors()).containsExactly("Ada Lovelace", "Alan Turing");
			assertThat(paper.categories()).containsExactly("cs.LG", "cs.AI");
			assertThat(paper.keywords()).containsExactly("engines");
			assertThat(paper.summary()).isEqualTo("In short.");
			assertThat(paper.publishedOn()).isEqualTo(LocalDate.of(2026, 2, 26));
			assertThat(paper.featuredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
			assertThat(paper.upvotes()).isEqualTo(10);
			assertThat(paper.comments()).isEqualTo(1);
			assertThat(paper.links())
				.isEqualTo(new PaperLinks("https://arxiv.org/abs/2602.23229v2", "https://example.org/a.pdf",
						"https://huggingface.co/papers/2602.23229", "https://github.com/a/b", "http://example.org/"));
		});
	}

	@Test
	void rejectsLinksThatAreNotAnObject() throws Exception {
		parse(lines("{\"title\": \"T\", \"abstract\": \"A.\", \"links\": \"https://example.org/\"}"));
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).extracting(Rejection::reason).containsExactly("links must be an object");
	}

	@Test
	void rejectsAControlCharacterInTheTitleNamingIt() throws Exception {
		parse(lines("{\"title\": \"Bell\\u0007 rings\", \"abstract\": \"A.\"}", paper("Next")));
		assertThat(this.sink.rejections()).extracting(Rejection::record, Rejection::reason)
			.containsExactly(tuple("line 1", "title contains control character U+0007"));
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Next");
	}

	@Test
	void rejectsAnAbstractOverTheLimitWithItsLength() throws Exception {
		parse(lines("{\"title\": \"Long\", \"abstract\": \"" + "a".repeat(1234) + "\"}"));
		assertThat(this.sink.rejections()).extracting(Rejection::reason)
			.containsExactly("abstract is 1,234 characters, over the limit of 1,000");
	}

	@Test
	void rejectsAnImpossibleDate() throws Exception {
		parse(lines("{\"title\": \"T\", \"abstract\": \"A.\", \"publishedOn\": \"2026-02-30\"}"));
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).extracting(Rejection::reason)
			.containsExactly("publication date '2026-02-30' is not a valid date");
	}

	@Test
	void rejectsAJavascriptCodeLink() throws Exception {
		parse(lines("{\"title\": \"T\", \"abstract\": \"A.\", \"links\": {\"code\": \"javascript:alert(1)\"}}"));
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).extracting(Rejection::reason)
			.containsExactly("code link 'javascript:alert(1)' is not an http or https URL");
	}

	@Test
	void rejectsALineThatIsNotAnObject() throws Exception {
		parse(lines("[\"title\", \"abstract\"]", "42"));
		assertThat(this.sink.rejections()).extracting(Rejection::record, Rejection::reason)
			.containsExactly(tuple("line 1", "line is not a JSON object"),
					tuple("line 2", "line is not a JSON object"));
	}

	@Test
	void rejectsAWrongTypeNamingTheField() throws Exception {
		parse(lines("{\"title\": \"T\", \"abstract\": \"A.\", \"upvotes\": 1.5}",
				"{\"title\": \"T\", \"abstract\": \"A.\", \"authors\": \"Ada Lovelace\"}"));
		assertThat(this.sink.rejections()).extracting(Rejection::reason)
			.containsExactly("upvotes must be a whole number", "authors must be an array");
	}

	@Test
	void failsWhenTheFileCannotBeReadAfterRecordsLanded() {
		byte[] start = lines(paper("One"), paper("Two")).getBytes(StandardCharsets.UTF_8);
		InputStream failing = new InputStream() {

			private int position;

			@Override
			public int read() throws IOException {
				if (this.position == start.length) {
					throw new IOException("disk on fire");
				}
				return start[this.position++];
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (this.position == start.length) {
					throw new IOException("disk on fire");
				}
				int count = Math.min(length, start.length - this.position);
				System.arraycopy(start, this.position, buffer, offset, count);
				this.position += count;
				return count;
			}

		};
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> new JsonLinesParser("file", LIMITS, MAX_LINE_BYTES).parse(failing, this.sink))
			.withMessage("could not read the file after 2 records: disk on fire");
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("One", "Two");
	}

	@Test
	void namesUnknownLinkFieldsInTheNote() throws Exception {
		parse(lines("{\"title\": \"T\", \"abstract\": \"A.\", \"links\": {\"github\": \"https://example.org\"}}"));

		assertThat(this.sink.accepted()).hasSize(1);
		assertThat(this.sink.notes()).singleElement().asString().contains("links.github (1)");
	}

	@Test
	void acceptsALineOfExactlyTheLimitWhateverItsLineEnding() throws Exception {
		String record = paper("T");
		String line = record.substring(0, record.length() - 1) + " ".repeat(MAX_LINE_BYTES - record.length()) + "}";
		assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_LINE_BYTES);

		parse(line + "\r\n" + line + "\n" + line + " \r\n");

		assertThat(this.sink.accepted()).hasSize(2);
		assertThat(this.sink.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.record()).isEqualTo("line 3"));
	}

	private int parse(String file) throws SourceException {
		return parse(file.getBytes(StandardCharsets.UTF_8));
	}

	private int parse(byte[] file) throws SourceException {
		return new JsonLinesParser("file", LIMITS, MAX_LINE_BYTES).parse(new ByteArrayInputStream(file), this.sink);
	}

	private static String paper(String title) {
		return "{\"title\": \"" + title + "\", \"abstract\": \"About " + title + ".\"}";
	}

	private static String lines(String... lines) {
		return String.join("\n", lines) + "\n";
	}

	/**
	 * Hands out at most three bytes per read, so lines, line endings and characters
	 * straddle reads.
	 */
	private static final class TricklingInputStream extends FilterInputStream {

		TricklingInputStream(byte[] bytes) {
			super(new ByteArrayInputStream(bytes));
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return super.read(buffer, offset, Math.min(length, 3));
		}

	}

}
