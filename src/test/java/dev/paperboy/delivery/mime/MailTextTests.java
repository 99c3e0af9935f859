package dev.paperboy.delivery.mime;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTests {

	final MailText text = MailText.INSTANCE;

	@Test
	void wrapsAt72ColumnsWithAHangingIndent() {
		String words = "word ".repeat(40);
		String wrapped = this.text.wrap(words, "10. ", "    ");
		assertThat(wrapped.lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(MailText.WIDTH));
		assertThat(wrapped).startsWith("10. word word").doesNotEndWith(" ");
		assertThat(wrapped.lines().skip(1)).allSatisfy((line) -> assertThat(line).startsWith("    word"));
		assertThat(wrapped.replaceAll("\\s+", " ")).isEqualTo("10. " + words.strip());
	}

	@Test
	void givesAnOverlongWordItsOwnLineUnbroken() {
		String link = "https://example.org/" + "x".repeat(80);
		assertThat(this.text.wrap("Read " + link + " now", "", "  ")).isEqualTo("Read\n  " + link + "\n  now");
	}

	@Test
	void collapsesLineBreaksAndHandlesNothing() {
		assertThat(this.text.wrap(" a\n\tb ", "", "")).isEqualTo("a b");
		assertThat(this.text.wrap(null, "1. ", "   ")).isEqualTo("1.");
	}

	@Test
	void splitsMultiLineValuesIntoLines() {
		assertThat(this.text.lines("Example Lab\r\n 1 Example Street \n\n12345 Springfield\n"))
			.containsExactly("Example Lab", "1 Example Street", "12345 Springfield");
		assertThat(this.text.lines(null)).isEmpty();
	}

	@Test
	void acceptsOnlyWebLinks() {
		assertThat(this.text.isWebLink("https://papers.example.org/manage/t")).isTrue();
		assertThat(this.text.isWebLink("HTTP://example.org")).isTrue();
		assertThat(this.text.isWebLink("javascript:alert(1)")).isFalse();
		assertThat(this.text.isWebLink(" https://example.org")).isFalse();
		assertThat(this.text.isWebLink("https://example.org/\"><script>")).isFalse();
		assertThat(this.text.isWebLink("data:text/html,x")).isFalse();
		assertThat(this.text.isWebLink("//example.org")).isFalse();
		assertThat(this.text.isWebLink(null)).isFalse();
	}

	@Test
	void acceptsTheLinksTheRegularExpressionOfWebLinksMatches() {
		Pattern webLink = Pattern.compile("https?://[^\\s\"'<>\\\\]+", Pattern.CASE_INSENSITIVE);
		String alphabet = "htpsHTPS:/ \t\n\"'<>\\ax.?=&#%";
		Random random = new Random(7);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder url = new StringBuilder(
					(random.nextInt(3) == 0) ? "" : "https://".substring(random.nextInt(2)));
			for (int n = random.nextInt(6); n > 0; n--) {
				url.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(this.text.isWebLink(url.toString())).as(url.toString())
				.isEqualTo(webLink.matcher(url).matches());
		}
	}

	@Test
	void wrapsAtTheWhiteSpaceTheRegularExpressionFinds() {
		String text = " one\ttwo\u000Bthree\fFour\r\n five\u00A0six  ";
		assertThat(this.text.wrap(text, "", "")).isEqualTo("one two three Four five\u00A0six");
	}

}
