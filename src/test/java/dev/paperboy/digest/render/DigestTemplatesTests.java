package dev.paperboy.digest.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.MailTemplatesTestConfiguration;
import dev.paperboy.papers.Paper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest email rendered by {@link MailTemplates} from the demo papers, both parts.
 * Saves them under {@code target/digests/} to be read.
 */
@SpringBootTest(classes = MailTemplatesTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = MailTemplatesTestConfiguration.SALT)
class DigestTemplatesTests {

	static final Path DIGESTS = Path.of("target", "digests");

	static final String HOSTILE_TITLE = "<script>alert(1)</script> & co";

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

	@Autowired
	MailTemplates templates;

	@BeforeAll
	static void createDirectory() throws IOException {
		Files.createDirectories(DIGESTS);
	}

	@Test
	void rendersTheDemoDigestInBothParts() throws IOException {
		DigestView digest = DigestSamples.digest(DigestSamples.demoPapers(10), false);
		MailTemplates.Rendered rendered = render(digest, "digest");

		assertThat(rendered.html()).contains("<title>Your daily papers · Monday 23 November 2026</title>")
			.contains(">Your daily papers</h1>")
			.contains("Monday 23 November 2026</span> · <span>10 papers</span>")
			.contains("Learning dynamic representations of the functional connectome in neurobiological networks —"
					+ " and 9 more")
			.contains("▲ 200")
			.contains("Ada Lovelace, Alan Turing, Grace Hopper et al.")
			.contains("matches your keyword &#39;memory&#39; · by Grace Hopper, whom you follow")
			.doesNotContain("trending");
		assertThat(rendered.text()).startsWith("Your daily papers · Monday 23 November 2026 · 10 papers\n\n\n1. ")
			.contains("\n   Why: matches your keyword 'memory' · by Grace Hopper, whom you follow\n")
			.contains("\n   Read: https://huggingface.co/papers/2611.00001\n")
			.contains("\n10. Neural-Symbolic Recursive Machine for Systematic Generalization\n    ▲ 47\n");
	}

	@Test
	void headingsRenderedOnceForAllDigestsAreTheOnesTheTemplatesRender() {
		List<Paper> papers = new ArrayList<>(DigestSamples.demoPapers(11));
		papers.add(DigestSamples.paper(11, HOSTILE_TITLE, "An abstract with <b>markup</b> & \"quotes\"."));
		DigestView inline = DigestSamples.digest(papers, false);
		PaperHeadings headings = new PaperHeadings(this.templates);
		List<DigestView.Item> items = new ArrayList<>();
		for (int i = 0; i < papers.size(); i++) {
			DigestView.Item item = inline.papers().get(i);
			// twice: the second comes from the cache
			headings.item(item.position(), papers.get(i), item.reasons(), item.moreUrl(), item.lessUrl());
			items.add(headings.item(item.position(), papers.get(i), item.reasons(), item.moreUrl(), item.lessUrl()));
		}
		assertThat(items).allSatisfy((item) -> assertThat(item.html()).isNotBlank())
			.allSatisfy((item) -> assertThat(item.text()).isNotBlank());
		DigestView cached = new DigestView(inline.recipient(), inline.date(), inline.cadence(), inline.trending(),
				items, inline.links(), inline.sender());

		MailTemplates.Rendered expected = render(inline, null);
		MailTemplates.Rendered actual = render(cached, null);
		assertThat(actual.html()).isEqualTo(expected.html()).doesNotContain("<script>alert(1)");
		assertThat(actual.text()).isEqualTo(expected.text()).contains("\n12. " + HOSTILE_TITLE + "\n");
		assertThat(items.get(11).html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
	}

	@Test
	void papersLoadedAgainAreTheObjectsTheirHeadingsWereMadeFromUnlessTheyChanged() {
		PaperHeadings headings = new PaperHeadings(this.templates);
		Paper first = DigestSamples.paper(1, "A title", "An abstract.");
		headings.item(1, first, List.of(), "https://x.example/more", "https://x.example/less");
		Paper again = DigestSamples.paper(1, "A title", "An abstract.");
		Paper changed = DigestSamples.paper(1, "A better title", "An abstract.");
		Paper unseen = DigestSamples.paper(2, "Another title", "An abstract.");
		assertThat(headings.canonical(Map.of(1L, again, 2L, unseen))).containsEntry(2L, unseen)
			.extractingByKey(1L)
			.isSameAs(first)
			.isNotSameAs(again);
		assertThat(headings.canonical(Map.of(1L, changed)).get(1L)).isSameAs(changed);
		assertThat(headings.item(1, changed, List.of(), "https://x.example/more", "https://x.example/less").html())
			.contains("A better title");
	}

	@Test
	void everyPaperHasItsFeedbackLinksInBothParts() {
		DigestView digest = DigestSamples.digest(DigestSamples.demoPapers(10), false);
		MailTemplates.Rendered rendered = render(digest, null);
		for (DigestView.Item item : digest.papers()) {
			assertThat(rendered.html()).contains("href=\"" + item.moreUrl() + "\"")
				.contains("href=\"" + item.lessUrl() + "\"");
			assertThat(rendered.text()).contains("More like this: " + item.moreUrl() + "\n")
				.contains("Less like this: " + item.lessUrl() + "\n");
		}
		assertThat(count(rendered.html(), ">More like this</a>")).isEqualTo(10);
		assertThat(count(rendered.html(), ">Less like this</a>")).isEqualTo(10);
	}

	@Test
	void footerHasTheSubscribersLinksAndTheSender() {
		MailTemplates.Rendered rendered = render(DigestSamples.digest(DigestSamples.demoPapers(2), false), null);
		DigestView.Links links = DigestSamples.links();
		assertThat(rendered.html()).contains("href=\"" + links.unsubscribe() + "\"")
			.contains("href=\"" + links.manage() + "\"")
			.contains("href=\"" + links.view() + "\"")
			.contains("href=\"" + links.feed() + "\"")
			.contains("Paperboy of the Example Lab</span><br><span>Example Lab</span><br><span>1 Example Street</span>"
					+ "<br><span>12345 Springfield</span>")
			.contains("You get this email because you subscribed to Paperboy at https://papers.example.org.");
		assertThat(rendered.text()).contains("Unsubscribe: " + links.unsubscribe() + "\n")
			.contains("Manage your preferences: " + links.manage() + "\n")
			.contains("View in your browser: " + links.view() + "\n")
			.contains("Your private feed: " + links.feed() + "\n")
			.endsWith("\nPaperboy of the Example Lab\nExample Lab\n1 Example Street\n12345 Springfield\n"
					+ "https://papers.example.org\n");
	}

	@Test
	void trendingDigestSaysSoAndWhy() throws IOException {
		MailTemplates.Rendered rendered = render(DigestSamples.digest(DigestSamples.demoPapers(10), true),
				"digest-trending");
		assertThat(rendered.html()).contains(">Today&#39;s trending papers</h1>")
			.contains("These are today&#39;s trending papers, not a selection for you: your profile has no interests"
					+ " yet, or nothing matched them this time.");
		assertThat(rendered.text()).startsWith("Today's trending papers · Monday 23 November 2026 · 10 papers\n\n"
				+ "These are today's trending papers, not a selection for you: your profile\n");
		DigestView weekly = DigestSamples.digest(DigestSamples.demoPapers(1), true);
		weekly = new DigestView(weekly.recipient(), weekly.date(), "weekly", true, weekly.papers(), weekly.links(),
				weekly.sender());
		assertThat(render(weekly, null).text())
			.startsWith("This week's trending papers · Monday 23 November 2026 · 1 paper\n");
	}

	@Test
	void escapesPaperTextInHtmlAndKeepsItLiteralInText() {
		Paper hostile = DigestSamples.paper(0, HOSTILE_TITLE, "An abstract about <b>bold</b> & \"quoted\" claims.");
		DigestView digest = DigestSamples.digest(List.of(hostile), false);
		MailTemplates.Rendered rendered = render(digest, null);
		assertThat(rendered.html()).doesNotContain("<script>")
			.doesNotContain("<b>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
			.contains("An abstract about &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claims.");
		assertThat(rendered.text()).contains("1. " + HOSTILE_TITLE + "\n")
			.contains("An abstract about <b>bold</b> & \"quoted\" claims.");
	}

	@Test
	void neverLinksAnythingButWebPages() {
		DigestView digest = DigestSamples.digest(DigestSamples.demoPapers(1), false);
		DigestView.Item item = digest.papers().get(0);
		DigestView.Item hostile = new DigestView.Item(1, item.key(), item.title(), "javascript:alert(1)",
				item.authors(), item.summary(), item.upvotes(), " JavaScript:alert(2)", "data:text/html,x",
				item.reasons(), "javascript:alert(3)", "vbscript:alert(4)");
		DigestView.Links links = new DigestView.Links("javascript:manage", "https://papers.example.org/unsubscribe/t",
				"javascript:view", "file:///etc/passwd");
		DigestView.Sender sender = new DigestView.Sender("Paperboy", "javascript:site", "", "");
		MailTemplates.Rendered rendered = render(
				new DigestView(digest.recipient(), digest.date(), "daily", true, List.of(hostile), links, sender),
				null);

		for (String part : List.of(rendered.html(), rendered.text())) {
			assertThat(part).doesNotContainIgnoringCase("javascript:")
				.doesNotContainIgnoringCase("vbscript:")
				.doesNotContain("data:")
				.doesNotContain("file:");
		}
		Matcher hrefs = HREF.matcher(rendered.html());
		while (hrefs.find()) {
			assertThat(hrefs.group(1)).startsWith("https://");
		}
		// the title stays, just without a link
		assertThat(rendered.html()).contains(">" + item.title() + "</span>");
	}

	@Test
	void textPartHoldsNoMarkupAndFits72Columns() {
		MailTemplates.Rendered rendered = render(DigestSamples.digest(DigestSamples.demoPapers(10), true), null);
		assertThat(rendered.text()).doesNotContainPattern("<[a-zA-Z/!]").doesNotContain("&amp;").doesNotContain("&#");
		for (String line : rendered.text().split("\n")) {
			if (!line.contains("https://")) {
				assertThat(line).as("line without a link").hasSizeLessThanOrEqualTo(72);
			}
			assertThat(line).as("trailing whitespace").isEqualTo(line.stripTrailing());
		}
		assertThat(rendered.text()).doesNotContain("\n\n\n\n");
	}

	@Test
	void rendersAnEmptyDigest() {
		MailTemplates.Rendered rendered = render(DigestSamples.digest(List.of(), true), null);
		assertThat(rendered.html()).contains("<span>0 papers</span>");
		assertThat(rendered.text()).startsWith("Today's trending papers · Monday 23 November 2026 · 0 papers\n");
	}

	private MailTemplates.Rendered render(DigestView digest, String saveAs) {
		MailTemplates.Rendered rendered = this.templates.render("digest", Map.of("digest", digest));
		if (saveAs != null) {
			try {
				Files.writeString(DIGESTS.resolve(saveAs + ".html"), rendered.html());
				Files.writeString(DIGESTS.resolve(saveAs + ".txt"), rendered.text());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return rendered;
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
