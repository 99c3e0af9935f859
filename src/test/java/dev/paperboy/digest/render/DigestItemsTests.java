package dev.paperboy.digest.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperLinks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestItemsTests {

	@Test
	void linksToTheHuggingFacePageFirstThenArxiv() {
		PaperLinks arxiv = PaperLinks.forArxiv("2611.00001");
		assertThat(item(arxiv.withHuggingFace("https://huggingface.co/papers/2611.00001")).url())
			.isEqualTo("https://huggingface.co/papers/2611.00001");
		assertThat(item(arxiv).url()).isEqualTo("https://arxiv.org/abs/2611.00001");
		assertThat(item(PaperLinks.NONE).url()).isNull();
	}

	@Test
	void dropsEveryLinkThatIsNotAWebLink() {
		PaperLinks hostile = new PaperLinks("javascript:alert(1)", "data:text/html,<script>", " JavaScript:x",
				"ftp://example.org/code", "vbscript:x");
		DigestView.Item item = item(hostile);
		assertThat(item.url()).isNull();
		assertThat(item.pdfUrl()).isNull();
		assertThat(item.codeUrl()).isNull();
		assertThat(item(new PaperLinks("https://arxiv.org/abs/1", null, "javascript:alert(1)", null, null)).url())
			.as("a hostile Hugging Face link falls back to arXiv")
			.isEqualTo("https://arxiv.org/abs/1");
		assertThat(DigestItems.webLink(" HTTPS://Example.org/x ")).isEqualTo("HTTPS://Example.org/x");
		assertThat(DigestItems.webLink("https://")).isNull();
		assertThat(DigestItems.webLink("https://example.org/\"onmouseover=x")).isNull();
	}

	@Test
	void shortensLongAuthorLists() {
		assertThat(DigestItems.authors(List.of())).isEmpty();
		assertThat(DigestItems.authors(List.of("Ada Lovelace"))).isEqualTo("Ada Lovelace");
		assertThat(DigestItems.authors(List.of("A", "B", "C", "D"))).isEqualTo("A, B, C, D");
		assertThat(DigestItems.authors(List.of("A", "B", "C", "D", "E"))).isEqualTo("A, B, C et al.");
		assertThat(DigestItems.authors(List.of(" Ada\n Lovelace ", " ", "Alan  Turing")))
			.isEqualTo("Ada Lovelace, Alan Turing");
	}

	@Test
	void prefersTheSourceSummary() {
		assertThat(DigestItems.summary("  A short\n summary. ", "An abstract.")).isEqualTo("A short summary.");
		assertThat(DigestItems.summary(" ", "An abstract.")).isEqualTo("An abstract.");
		assertThat(DigestItems.summary(null, null)).isEmpty();
	}

	@Test
	void keepsAShortAbstractWhole() {
		String text = "We study X.  It works\twell.";
		assertThat(DigestItems.summary(null, text)).isEqualTo("We study X. It works well.");
	}

	@Test
	void cutsALongAbstractAfterItsLastWholeSentence() {
		String first = "We propose a method for sequence modelling that scales to very long inputs.";
		String second = "It matches strong baselines on four benchmarks while using a third of the memory.";
		String rest = " Experiments on language, audio and genomics show consistent gains across scales and domains,"
				+ " and ablations isolate the contribution of each component in detail.";
		String summary = DigestItems.summary(null, first + " " + second + rest + rest);
		assertThat(summary).isEqualTo(first + " " + second);
	}

	@Test
	void doesNotEndASentenceAtAnAbbreviationOrANumber() {
		String text = "Models (e.g. BERT) and data (i.e. Wikipedia) from Smith et al. Reach 3.5 points more, see Fig. 2"
				+ " and Eq. 4 for details, as J. Doe noted vs. the U.S. Census. That is the end of the second sentence"
				+ " which runs long enough to push everything past the limit of two hundred and eighty characters.";
		assertThat(text).hasSizeGreaterThan(DigestItems.SUMMARY_LENGTH);
		String summary = DigestItems.summary(null, text);
		assertThat(summary).isEqualTo(text.substring(0, text.indexOf(" That is")));
	}

	@Test
	void cutsAnOverlongFirstSentenceAtAWordWithAnEllipsis() {
		String text = ("a very long sentence without an end, ").repeat(20).strip();
		String summary = DigestItems.summary(null, text);
		assertThat(summary).hasSizeLessThanOrEqualTo(DigestItems.SUMMARY_LENGTH).matches("[a-z ,]*[a-z]…");
		String kept = summary.substring(0, summary.length() - 1);
		assertThat(text).startsWith(kept);
		assertThat(text.charAt(kept.length())).as("cut between words").isIn(' ', ',');
		String oneWord = "x".repeat(400);
		assertThat(DigestItems.summary(null, oneWord)).hasSize(DigestItems.SUMMARY_LENGTH).endsWith("x…");
		String emoji = "\uD835\uDC31".repeat(200);
		assertThat(DigestItems.summary(null, emoji)).as("never half a character").endsWith("\uD835\uDC31…");
	}

	@Test
	void keepsQuestionsAndQuotedEndings() {
		String text = "Can models remember? \"Yes,\" we find. " + "More detail follows in a long sentence. ".repeat(12);
		assertThat(DigestItems.summary(null, text)).startsWith("Can models remember? \"Yes,\" we find. More detail")
			.endsWith("follows in a long sentence.");
	}

	@Test
	void collapsesExactlyTheUnicodeWhiteSpace() {
		Pattern whiteSpace = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);
		List<String> differing = new ArrayList<>();
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			if (DigestItems.isWhiteSpace((char) c) != whiteSpace.matcher(String.valueOf((char) c)).matches()) {
				differing.add(String.format("U+%04X", c));
			}
		}
		assertThat(differing).isEmpty();
		assertThat(DigestItems.collapse(" Thin\u2009and\u00a0no-break \n\n\tspaces\u3000"))
			.isEqualTo("Thin and no-break spaces");
		assertThat(DigestItems.collapse("\u001f kept inside\u001fstripped at the ends \u001f"))
			.isEqualTo("kept inside\u001fstripped at the ends");
	}

	@Test
	void buildsTheItemFromThePaper() {
		Paper paper = new Paper("2611.00001", "2611.00001", "  A\n title ", "An abstract.",
				List.of("A", "B", "C", "D", "E"), List.of(),
				PaperLinks.forArxiv("2611.00001").withCode("https://github.com/x/y"), null, null, Instant.EPOCH, 152, 3,
				List.of(), null, List.of());
		DigestView.Item item = DigestItems.item(2, paper, List.of("matches your keyword  'x'"), "https://s/more",
				"https://s/less");
		assertThat(item).isEqualTo(new DigestView.Item(2, "2611.00001", "A title", "https://arxiv.org/abs/2611.00001",
				"A, B, C et al.", "An abstract.", 152, "https://arxiv.org/pdf/2611.00001", "https://github.com/x/y",
				List.of("matches your keyword 'x'"), "https://s/more", "https://s/less"));
	}

	private static DigestView.Item item(PaperLinks links) {
		Paper paper = new Paper("k", null, "T", "A.", List.of(), List.of(), links, null, null, Instant.EPOCH, null,
				null, List.of(), null, List.of());
		return DigestItems.item(1, paper, List.of(), "https://s/more", "https://s/less");
	}

}
