package dev.paperboy.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.CollectingSink.Rejection;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class AtomParserTests {

	private static final RecordLimits LIMITS = new RecordLimits(1000, 20000,
			Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

	private static final String SECRET = "paperboy-secret-4f1c9e";

	private final CollectingSink sink = new CollectingSink();

	@Test
	void readsTheApiQueryResponse() throws Exception {
		AtomParser.Result result = parse(fixture("arxiv-api-query.atom.xml"), false);
		assertThat(result).isEqualTo(new AtomParser.Result(1, 1000, 0));
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).singleElement().satisfies((paper) -> {
			assertThat(paper.source()).isEqualTo("arxiv");
			assertThat(paper.arxivId()).isEqualTo("hep-ex/0307015");
			assertThat(paper.title())
				.isEqualTo("Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA");
			assertThat(paper.abstractText()).startsWith("Multi-electron production is studied at high electron")
				.contains("momentum in positron- and electron-proton collisions")
				.endsWith("of 0.30 \\pm 0.04 and 0.23 \\pm 0.04, respectively.")
				.doesNotContain("\n", "  ");
			assertThat(paper.authors()).containsExactly("H1 Collaboration");
			assertThat(paper.categories()).containsExactly("hep-ex");
			assertThat(paper.publishedOn()).isEqualTo(LocalDate.of(2003, 7, 7));
			assertThat(paper.links().arxiv()).isEqualTo("https://arxiv.org/abs/hep-ex/0307015");
			assertThat(paper.links().pdf()).isEqualTo("https://arxiv.org/pdf/hep-ex/0307015");
		});
	}

	@Test
	void failsOnTheApiErrorResponseWithArxivsMessage() {
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> parse(fixture("arxiv-api-error.atom.xml"), false))
			.withMessageContaining("incorrect id format for 1234.12345");
		assertThat(this.sink.accepted()).isEmpty();
		assertThat(this.sink.rejections()).isEmpty();
	}

	@Test
	void readsEveryEntryOfTheDailyListing() throws Exception {
		AtomParser.Result result = parse(fixture("arxiv-listing-cs.AI.atom.xml"), false);
		assertThat(result).isEqualTo(new AtomParser.Result(7, null, 0));
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId)
			.containsExactly("2508.13426", "2508.13428", "2508.13429", "2508.13434", "2508.13435", "2508.14001",
					"2508.14002");
		assertThat(this.sink.accepted()).extracting(PaperRecord::publishedOn).containsOnly(LocalDate.of(2025, 8, 20));
		PaperRecord first = this.sink.accepted().get(0);
		assertThat(first.title())
			.isEqualTo("ALIGN: Word Association Learning for Cross-Cultural Generalization in Large Language Models");
		assertThat(first.categories()).containsExactly("cs.CL", "cs.AI");
	}

	@Test
	void stripsTheAnnouncementPrefixFromListingAbstracts() throws Exception {
		parse(fixture("arxiv-listing-cs.AI.atom.xml"), false);
		assertThat(this.sink.accepted()).hasSize(7).allSatisfy((paper) -> {
			assertThat(paper.abstractText()).doesNotStartWith("arXiv:")
				.doesNotContain("Announce Type")
				.doesNotStartWith("Abstract:");
		});
		assertThat(this.sink.accepted().get(0).abstractText())
			.startsWith("As large language models (LLMs) increasingly mediate cross-cultural communication");
		assertThat(this.sink.accepted().get(4).abstractText())
			.isEqualTo("Spectral graph embedding methods are widely used.");
		assertThat(this.sink.accepted().get(5).abstractText())
			.isEqualTo("We propose a neural architecture search method for efficient transformers.");
	}

	@Test
	void splitsListingAuthorsFromTheirCreatorLine() throws Exception {
		parse(fixture("arxiv-listing-cs.AI.atom.xml"), false);
		assertThat(this.sink.accepted().get(0).authors()).containsExactly("Chunhua Liu", "Kabir Manandhar Shrestha",
				"Sukai Huang");
		assertThat(this.sink.accepted().get(3).authors()).containsExactly("Yunfeng Ge", "Ming Jin", "Yiji Zhao",
				"Hongyan Li", "Bo Du", "Chang Xu", "Shirui Pan");
		assertThat(this.sink.accepted().get(2).authors()).containsExactly("Paulo Andr\\'e Lima de Castro");
	}

	@Test
	void skipsReplacementAnnouncementsAndCountsThem() throws Exception {
		AtomParser.Result result = parse(listingWithReplacements(), false);
		assertThat(result).isEqualTo(new AtomParser.Result(7, null, 2));
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId)
			.containsExactly("2508.13429", "2508.13434", "2508.13435", "2508.14001", "2508.14002");
	}

	@Test
	void readsReplacementAnnouncementsWhenAskedTo() throws Exception {
		AtomParser.Result result = parse(listingWithReplacements(), true);
		assertThat(result).isEqualTo(new AtomParser.Result(7, null, 0));
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId)
			.startsWith("2508.13426", "2508.13428")
			.hasSize(7);
		assertThat(this.sink.accepted().get(0).abstractText()).doesNotContain("Announce Type");
	}

	@Test
	void rejectsAnEntryWithoutAbstractAndReadsTheNext() throws Exception {
		String feed = feed(entry("2601.00001", "First", "new", "One."), """
				<entry>
				  <id>oai:arXiv.org:2601.00002v1</id>
				  <title>No abstract</title>
				  <arxiv:announce_type>new</arxiv:announce_type>
				</entry>""", entry("2601.00003", "Third", "new", "Three."));
		AtomParser.Result result = parse(stream(feed), false);
		assertThat(result.entries()).isEqualTo(3);
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2601.00001", "2601.00003");
		assertThat(this.sink.rejections()).singleElement()
			.isEqualTo(new Rejection("entry 2 (oai:arXiv.org:2601.00002v1)", "missing abstract", "No abstract"));
	}

	@Test
	void failsOnMalformedXmlWithItsLineKeepingEarlierEntries() {
		String feed = feed(entry("2601.00001", "First", "new", "One."), entry("2601.00002", "Second", "new", "Two."),
				"""
						<entry>
						  <id>oai:arXiv.org:2601.00003v1</id>
						  <title>Broken</titel>
						</entry>""");
		int brokenLine = lineOf(feed, "</titel>");
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> parse(stream(feed), false))
			.withMessageStartingWith("malformed XML at line")
			.withMessageContaining(" at line " + brokenLine + " ");
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2601.00001", "2601.00002");
	}

	@Test
	void failsOnAFeedThatBreaksOff() {
		String feed = feed(entry("2601.00001", "First", "new", "One."));
		String truncated = feed.substring(0, feed.indexOf("</feed>")) + "<entry><id>oai:arXiv.org:2601.0";
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> parse(stream(truncated), false));
		assertThat(this.sink.accepted()).extracting(PaperRecord::arxivId).containsExactly("2601.00001");
	}

	@Test
	void neverReadsAnInternalExternalEntity(@TempDir Path directory) throws IOException {
		Path secret = Files.writeString(directory.resolve("secret.txt"), SECRET);
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE feed [
				  <!ENTITY xxe SYSTEM "%s">
				  <!ENTITY passwd SYSTEM "file:///etc/passwd">
				]>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry>
				    <id>oai:arXiv.org:2601.00001v1</id>
				    <title>Leak &xxe; &passwd;</title>
				    <summary>Abstract &xxe; &passwd;</summary>
				  </entry>
				</feed>
				""".formatted(secret.toUri());
		assertNothingLeaks(feed);
	}

	@Test
	void neverReadsAnEntityFromAnExternalDtd(@TempDir Path directory) throws IOException {
		Path secret = Files.writeString(directory.resolve("secret.txt"), SECRET);
		Path dtd = Files.writeString(directory.resolve("evil.dtd"),
				"<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n");
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE feed SYSTEM "%s">
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry>
				    <id>oai:arXiv.org:2601.00001v1</id>
				    <title>Leak &xxe;</title>
				    <summary>Abstract &xxe;</summary>
				  </entry>
				</feed>
				""".formatted(dtd.toUri());
		assertNothingLeaks(feed);
	}

	@Test
	void keepsEscapedMarkupInTitlesAsLiteralText() throws Exception {
		String feed = feed(entry("2601.00001", "&lt;b&gt;x&lt;/b&gt;", "new", "Uses &amp;lt; &lt;i&gt;."),
				entry("2601.00002", "<![CDATA[<i>y</i> & z]]>", "new", "Two."));
		parse(stream(feed), false);
		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).extracting(PaperRecord::title).containsExactly("<b>x</b>", "<i>y</i> & z");
		assertThat(this.sink.accepted().get(0).abstractText()).isEqualTo("Uses &lt; <i>.");
	}

	@Test
	void keepsTheArxivCategoriesAndDropsAcmAndMscClasses() throws Exception {
		String feed = feed(entry("2601.00001", "Robots", "new", "About robots.").replace("<category term=\"cs.AI\"/>",
				"<category term=\"cs.RO\"/><category term=\"I.2.9; J.3\"/><category term=\"68T05\"/>"));

		parse(stream(feed), false);

		assertThat(this.sink.rejections()).isEmpty();
		assertThat(this.sink.accepted()).singleElement()
			.satisfies((record) -> assertThat(record.categories()).containsExactly("cs.RO"));
	}

	private void assertNothingLeaks(String feed) {
		Throwable failure = catchThrowable(() -> parse(stream(feed), false));
		if (failure != null) {
			assertThat(failure).isInstanceOf(SourceException.class);
			assertThat(failure.getMessage()).doesNotContain(SECRET, "root:");
		}
		assertThat(this.sink.everything()).doesNotContain(SECRET, "root:");
	}

	private AtomParser.Result parse(InputStream in, boolean includeReplacements) throws SourceException, IOException {
		try (in) {
			return new AtomParser("arxiv", LIMITS, includeReplacements).parse(in, this.sink);
		}
	}

	// The recorded listing has only "new" and "cross" announcements.
	private static InputStream listingWithReplacements() throws IOException {
		String listing;
		try (InputStream in = fixture("arxiv-listing-cs.AI.atom.xml")) {
			listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String cross = "<arxiv:announce_type>cross</arxiv:announce_type>";
		listing = listing.replaceFirst(cross, "<arxiv:announce_type>replace</arxiv:announce_type>")
			.replaceFirst(cross, "<arxiv:announce_type> replace-cross </arxiv:announce_type>");
		return stream(listing);
	}

	private static String feed(String... entries) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"
				      xmlns:dc="http://purl.org/dc/elements/1.1/">
				  <title>cs.AI updates on arXiv.org</title>
				""" + String.join("\n", entries) + "\n</feed>\n";
	}

	private static String entry(String id, String title, String announceType, String abstractText) {
		return """
				<entry>
				  <id>oai:arXiv.org:%1$sv1</id>
				  <title>%2$s</title>
				  <summary>arXiv:%1$sv1 Announce Type: %3$s
				Abstract: %4$s</summary>
				  <category term="cs.AI"/>
				  <published>2026-01-05T00:00:00-05:00</published>
				  <arxiv:announce_type>%3$s</arxiv:announce_type>
				  <dc:creator>Ada Lovelace, Alan Turing</dc:creator>
				</entry>""".formatted(id, title, announceType, abstractText);
	}

	private static int lineOf(String text, String part) {
		String before = text.substring(0, text.indexOf(part));
		return (int) before.chars().filter((c) -> c == '\n').count() + 1;
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static InputStream fixture(String name) throws IOException {
		InputStream in = AtomParserTests.class.getResourceAsStream("/fixtures/" + name);
		if (in == null) {
			throw new IOException("no fixture " + name);
		}
		return in;
	}

}
