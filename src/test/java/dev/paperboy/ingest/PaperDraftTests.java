package dev.paperboy.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaperDraftTests {

	private static final RecordLimits LIMITS = new RecordLimits(100, 500,
			Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void collapsesWhiteSpaceInEveryText() throws Exception {
		PaperRecord record = draft().title("  Attention\n\tIs   All\r\nYou Need  ")
			.abstractText("\n  Line one\n  line two.  ")
			.authors(List.of(" Ashish \n Vaswani "))
			.summary("  In\tshort. ")
			.build(LIMITS);
		assertThat(record.title()).isEqualTo("Attention Is All You Need");
		assertThat(record.abstractText()).isEqualTo("Line one line two.");
		assertThat(record.authors()).containsExactly("Ashish Vaswani");
		assertThat(record.summary()).isEqualTo("In short.");
	}

	@Test
	void keepsMarkupAsTheTextItIs() throws Exception {
		PaperRecord record = draft().title("<b>Bold</b> &amp; <script>alert(1)</script>")
			.abstractText("Uses x < y && y > z.")
			.build(LIMITS);
		assertThat(record.title()).isEqualTo("<b>Bold</b> &amp; <script>alert(1)</script>");
		assertThat(record.abstractText()).isEqualTo("Uses x < y && y > z.");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Broken \uD83D here", "Ends broken \uD83D", "\uDE00 starts broken", "Swapped \uDE00\uD83D" })
	void rejectsAnUnpairedSurrogate(String title) {
		assertThatExceptionOfType(RejectedRecordException.class).isThrownBy(() -> draft().title(title).build(LIMITS))
			.withMessage("title contains invalid Unicode (an unpaired surrogate)");
	}

	@Test
	void acceptsCharactersOutsideTheBasicPlane() throws Exception {
		PaperRecord record = draft().title("Smile \uD83D\uDE00 and \uD835\uDC9C").build(LIMITS);
		assertThat(record.title()).isEqualTo("Smile 😀 and 𝒜");
	}

	@Test
	void rejectsAControlCharacterNamingTheFieldAndCodePoint() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().abstractText("Null\u0000byte").build(LIMITS))
			.withMessage("abstract contains control character U+0000");
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().authors(List.of("Escape\u001B[31m")).build(LIMITS))
			.withMessage("author contains control character U+001B");
	}

	@Test
	void rejectsAMissingOrBlankTitle() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> new PaperDraft("test").abstractText("A.").build(LIMITS))
			.withMessage("missing title");
		assertThatExceptionOfType(RejectedRecordException.class).isThrownBy(() -> draft().title(" \n\t ").build(LIMITS))
			.withMessage("missing title");
	}

	@Test
	void measuresTheTitleAfterCollapsingWhiteSpace() throws Exception {
		String spaced = "word   ".repeat(20).strip();
		assertThat(draft().title(spaced).build(LIMITS).title()).hasSize(99);
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().title("t".repeat(101)).build(LIMITS))
			.withMessage("title is 101 characters, over the limit of 100");
	}

	@ParameterizedTest
	@CsvSource({ "2602.23229, 2602.23229", "2602.23229v3, 2602.23229", "https://arxiv.org/abs/2602.23229v2, 2602.23229",
			"http://arxiv.org/abs/hep-ex/0307015v1, hep-ex/0307015", "oai:arXiv.org:2508.13426v1, 2508.13426",
			"arXiv:math.GT/0309136, math.GT/0309136", "' 0704.0001 ', 0704.0001" })
	void normalizesTheArxivId(String given, String expected) throws Exception {
		assertThat(draft().arxivId(given).build(LIMITS).arxivId()).isEqualTo(expected);
	}

	@Test
	void rejectsSomethingThatIsNotAnArxivId() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().arxivId("doi:10.1000/182").build(LIMITS))
			.withMessage("'doi:10.1000/182' is not an arXiv id");
	}

	@Test
	void treatsABlankArxivIdAsNone() throws Exception {
		PaperRecord record = draft().arxivId("  ").build(LIMITS);
		assertThat(record.arxivId()).isNull();
		assertThat(record.links()).isEqualTo(PaperLinks.NONE);
	}

	@Test
	void derivesArxivAndPdfLinksFromTheId() throws Exception {
		PaperRecord record = draft().arxivId("https://arxiv.org/abs/2602.23229v2").build(LIMITS);
		assertThat(record.links()).isEqualTo(new PaperLinks("https://arxiv.org/abs/2602.23229",
				"https://arxiv.org/pdf/2602.23229", null, null, null));
	}

	@Test
	void prefersGivenLinksOverDerivedOnes() throws Exception {
		PaperRecord record = draft().arxivId("2602.23229")
			.links(null, "https://mirror.example/2602.23229.pdf", null, "https://github.com/a/b", "  ")
			.build(LIMITS);
		assertThat(record.links()).isEqualTo(new PaperLinks("https://arxiv.org/abs/2602.23229",
				"https://mirror.example/2602.23229.pdf", null, "https://github.com/a/b", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "ftp://example.org/paper.pdf", "/relative/path",
			"https://exa mple.org/", "http:///no-host", "data:text/html,<script>alert(1)</script>" })
	void rejectsLinksThatAreNotWebAddresses(String link) {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().links(null, null, null, null, link).build(LIMITS))
			.withMessageStartingWith("project link '")
			.withMessageEndingWith("' is not an http or https URL");
	}

	@Test
	void removesDuplicateAndEmptyAuthorsKeepingTheirOrder() throws Exception {
		PaperRecord record = draft()
			.authors(List.of("Ada Lovelace", "Alan Turing", " Ada  Lovelace ", "", "Grace Hopper", "Alan Turing"))
			.keywords(List.of("engines", "engines", "looms"))
			.build(LIMITS);
		assertThat(record.authors()).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
		assertThat(record.keywords()).containsExactly("engines", "looms");
	}

	@Test
	void rejectsMoreThanAThousandAuthors() {
		List<String> authors = IntStream.rangeClosed(1, 1001).mapToObj((i) -> "Author " + i).toList();
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().authors(authors).build(LIMITS))
			.withMessage("more than 1000 authors (1001)");
	}

	@Test
	void rejectsSomethingThatIsNotAnArxivCategory() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().categories(List.of("cs.AI", "cs.AI; DROP TABLE")).build(LIMITS))
			.withMessage("'cs.AI; DROP TABLE' is not an arXiv category");
	}

	@Test
	void rejectsNegativeUpvotes() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().popularity(-1L, 0L).build(LIMITS))
			.withMessage("upvotes -1 is out of range");
	}

	@Test
	void rejectsCommentsBeyondAnInt() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().popularity(0L, 2_147_483_648L).build(LIMITS))
			.withMessage("comments 2147483648 is out of range");
	}

	@Test
	void keepsZeroAndUnknownPopularityApart() throws Exception {
		PaperRecord counted = draft().popularity(0L, null).build(LIMITS);
		assertThat(counted.upvotes()).isZero();
		assertThat(counted.comments()).isNull();
	}

	@Test
	void rejectsDatesBefore1900() {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().publishedOn("1899-12-31").build(LIMITS))
			.withMessage("publication date 1899-12-31 is out of range");
	}

	@Test
	void rejectsDatesMoreThanAYearAhead() throws Exception {
		assertThat(draft().featuredOn("2027-03-10").build(LIMITS).featuredOn()).isEqualTo(LocalDate.of(2027, 3, 10));
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().featuredOn("2027-03-11").build(LIMITS))
			.withMessage("featured date 2027-03-11 is out of range");
	}

	@ParameterizedTest
	@CsvSource({ "2026-02-26T17:08:18.000Z, 2026-02-26", "2026-02-26T23:30:00-05:00, 2026-02-27",
			"2026-02-27T01:00:00+02:00, 2026-02-26", "2003-07-07T13:46:39-04:00, 2003-07-07",
			"' 2026-02-26 ', 2026-02-26" })
	void takesTheUtcDateOfADateTime(String given, LocalDate expected) throws Exception {
		assertThat(draft().publishedOn(given).build(LIMITS).publishedOn()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "26 Feb 2026", "2026-13-01", "yesterday" })
	void rejectsWhatIsNotADate(String given) {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().publishedOn(given).build(LIMITS))
			.withMessage("publication date '" + given + "' is not a valid date");
	}

	@ParameterizedTest
	@ValueSource(chars = { '\u001C', '\u001D', '\u001E', '\u001F', '\u0085' })
	void rejectsControlCharactersJavaCallsWhitespace(char control) {
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> draft().title("A" + control + "b").build(LIMITS))
			.withMessage(String.format("title contains control character U+%04X", (int) control));
	}

	private static PaperDraft draft() {
		return new PaperDraft("test").title("A title").abstractText("An abstract.");
	}

}
