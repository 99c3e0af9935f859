package dev.paperboy.ingest.huggingface;

import java.io.ByteArrayInputStream;
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

class HuggingFaceParserTests {

	private static final RecordLimits LIMITS = new RecordLimits(1000, 20000,
			Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

	// Enable the tests marked with it once HuggingFaceParser reads past its first object
	// item: JSON.readTree(parser) (line 62) uses JsonMapper.shared(), and Jackson 3 fails
	// on the token after the item (FAIL_ON_TRAILING_TOKENS is on by default).
	private static final String MAIN_BUG = "HuggingFaceParser fails on the token after any object item "
			+ "(Jackson 3 FAIL_ON_TRAILING_TOKENS in readTree(parser)); reported, not fixed here";

	private final HuggingFaceParser parser = new HuggingFaceParser("huggingface", LIMITS);

	private final CollectingSink sink = new CollectingSink();

	@Test
	void readsTheRecordedDailyPaperWithPopularityLinksAndDates() throws Exception {
		int items;
		try (InputStream in = fixture("hf-daily-papers.json")) {
			items = this.parser.parse(in, this.sink);
		}
		assertThat(items).isEqualTo(1);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).hasSize(1);
		PaperRecord paper = this.sink.accepted().get(0);
		assertThat(paper.source()).isEqualTo("huggingface");
		assertThat(paper.arxivId()).isEqualTo("2602.23229");
		assertThat(paper.title()).isEqualTo("Large Multimodal Models as General In-Context Classifiers");
		assertThat(paper.abstractText()).startsWith("Which multimodal model should we use for classification?")
			.contains("their \"in-context\" equivalent")
			.endsWith("a flexible alternative to specialized models.");
		assertThat(paper.authors()).containsExactly("Marco Garosi", "Matteo Farina", "Alessandro Conti",
				"Massimiliano Mancini", "Elisa Ricci");
		assertThat(paper.upvotes()).isEqualTo(10);
		assertThat(paper.comments()).isEqualTo(1);
		assertThat(paper.keywords()).hasSize(9)
			.startsWith("Vision-Language Models", "Large Multimodal Models")
			.endsWith("context refinement");
		assertThat(paper.summary()).startsWith("Large Multimodal Models demonstrate superior performance")
			.endsWith("context refinement techniques.");
		assertThat(paper.links()).isEqualTo(new PaperLinks("https://arxiv.org/abs/2602.23229",
				"https://arxiv.org/pdf/2602.23229", "https://huggingface.co/papers/2602.23229",
				"https://github.com/marco-garosi/CIRCLE", "https://circle-lmm.github.io/"));
		assertThat(paper.publishedOn()).isEqualTo(LocalDate.of(2026, 2, 26));
		assertThat(paper.featuredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(paper.categories()).isEmpty();
	}

	@Test
	void rejectsAnItemWithoutTitleAndStillReadsTheItemsAroundIt() throws Exception {
		String document = array(item("2602.00001", "First", "Abstract one."), """
				{"paper": {"id": "2602.00002", "summary": "An abstract without a title."}, "numComments": 0}""",
				item("2602.00003", "Third", "Abstract three."));
		int items = this.parser.parse(stream(document), this.sink);
		assertThat(items).isEqualTo(3);
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2602.00001", "2602.00003");
		assertThat(this.sink.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.record()).isEqualTo("item 2 (2602.00002)");
			assertThat(rejection.reason()).isEqualTo("missing title");
			assertThat(rejection.excerpt()).contains("An abstract without a title.");
		});
	}

	@Test
	void rejectsAnItemWithoutSummaryAsMissingItsAbstract() throws Exception {
		String document = array("""
				{"paper": {"id": "2602.00001", "title": "No abstract here"}}""",
				item("2602.00002", "Second", "Abstract two."));
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Second");
		assertThat(this.sink.rejections()).extracting(Rejection::record, Rejection::reason)
			.containsExactly(tuple("item 1 (2602.00001)", "missing abstract"));
	}

	@Test
	void takesTheTitleOfTheItemWhenThePaperHasNone() throws Exception {
		String document = array("""
				{"paper": {"id": "2602.00001", "summary": "Abstract."}, "title": "Title on the item"}""");
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("Title on the item");
	}

	@Test
	void rejectsItemsThatAreNotObjectsAndCountsThem() throws Exception {
		String document = array("42", "[\"an\", {\"array\": true}, [\"nested\"]]", "\"text\"", "null");
		int items = this.parser.parse(stream(document), this.sink);
		assertThat(items).isEqualTo(4);
		assertThat(this.sink.rejections()).extracting(Rejection::record)
			.containsExactly("item 1", "item 2", "item 3", "item 4");
		assertThat(this.sink.rejections()).extracting(Rejection::reason).containsOnly("item is not a JSON object");
		assertThat(this.sink.accepted()).isEmpty();
	}

	@Test
	void rejectsAnItemWithoutPaperObject() throws Exception {
		String document = array("""
				{"title": "Only on the item", "paper": "2602.00001"}""");
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason()).isEqualTo("item has no 'paper' object"));
	}

	@Test
	void ignoresUnknownFieldsWithoutNotes() throws Exception {
		String document = array("""
				{"paper": {"id": "2602.00001", "title": "Known", "summary": "Abstract.",
				  "brandNew": {"nested": [1, 2, {"deeper": null}]}, "githubStars": 9},
				 "somethingElse": [true, false], "numComments": 3}""");
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.notes()).isEmpty();
		assertThat(this.sink.accepted()).singleElement().satisfies((paper) -> {
			assertThat(paper.title()).isEqualTo("Known");
			assertThat(paper.comments()).isEqualTo(3);
		});
	}

	@Test
	void rejectsUpvotesGivenAsTextNamingTheField() throws Exception {
		String document = array("""
				{"paper": {"id": "2602.00001", "title": "T", "summary": "A.", "upvotes": "10"}}""",
				item("2602.00002", "Second", "Abstract two."));
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2602.00002");
		assertThat(this.sink.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.record()).isEqualTo("item 1 (2602.00001)");
			assertThat(rejection.reason()).isEqualTo("upvotes must be a whole number");
		});
	}

	@Test
	void rejectsAuthorsWithoutNames() throws Exception {
		String document = array("""
				{"paper": {"id": "2602.00001", "title": "T", "summary": "A.", "authors": [{"_id": "x"}]}}""");
		this.parser.parse(stream(document), this.sink);
		assertThat(this.sink.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason())
				.isEqualTo("authors must be an array of objects with a string 'name'"));
	}

	@Test
	void failsOnATruncatedDocumentKeepingTheItemsBeforeTheBreak() {
		String document = "[" + item("2602.00001", "First", "Abstract one.") + ",\n"
				+ item("2602.00002", "Second", "Abstract two.") + ",\n{\"paper\": {\"id\": \"2602.0000";
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.parser.parse(stream(document), this.sink))
			.withMessageStartingWith("malformed JSON at line")
			.withMessageContaining("line 3");
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2602.00001", "2602.00002");
	}

	@Test
	void failsWhenTheArrayBreaksOffBetweenItems() {
		String document = "[" + item("2602.00001", "First", "Abstract one.") + ",";
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.parser.parse(stream(document), this.sink));
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2602.00001");
	}

	@Test
	void failsOnADocumentThatIsNotAnArray() {
		String document = item("2602.00001", "First", "Abstract one.");
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> this.parser.parse(stream(document), this.sink))
			.withMessage("expected a JSON array of daily papers");
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).isEmpty();
	}

	@Test
	void failsOnAnEmptyDocument() {
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> this.parser.parse(stream(""), this.sink));
	}

	@Test
	void readsAnEmptyArrayAsNoItems() throws Exception {
		assertThat(this.parser.parse(stream(" [ ] "), this.sink)).isZero();
		assertThat(this.sink.accepted()).isEmpty();
	}

	private static String item(String id, String title, String summary) {
		return """
				{"paper": {"id": "%s", "title": "%s", "summary": "%s", "upvotes": 1}, "numComments": 0}""".formatted(id,
				title, summary);
	}

	private static String array(String... items) {
		return "[\n" + String.join(",\n", items) + "\n]";
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static InputStream fixture(String name) throws IOException {
		InputStream in = HuggingFaceParserTests.class.getResourceAsStream("/fixtures/" + name);
		if (in == null) {
			throw new IOException("no fixture " + name);
		}
		return in;
	}

}
