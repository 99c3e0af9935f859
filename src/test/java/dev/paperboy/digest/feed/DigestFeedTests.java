package dev.paperboy.digest.feed;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.paperboy.papers.Paper;
import dev.paperboy.digest.render.DigestSamples;
import dev.paperboy.digest.render.DigestView;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

class DigestFeedTests {

	static final DigestFeed.Feed FEED = new DigestFeed.Feed("https://papers.example.org/feed/t0k3n.atom",
			"Paperboy: your papers", "The papers picked for you, one entry per digest", "Paperboy of the Example Lab",
			"https://papers.example.org");

	static final String HOSTILE = "<script>alert(1)</script> & co ]]> \u0000\u0007\uD800";

	@Test
	void writesAnAtomFeedWithOneEntryPerDigestNewestFirst() throws Exception {
		DigestFeed.Entry older = DigestFeed.entry(DigestSamples.digest(DigestSamples.demoPapers(2), false),
				"tag:papers.example.org,2026-11-22:digest/41", Instant.parse("2026-11-22T07:00:00.123Z"));
		DigestFeed.Entry newer = DigestFeed.entry(DigestSamples.digest(DigestSamples.demoPapers(3), true),
				"tag:papers.example.org,2026-11-23:digest/42", Instant.parse("2026-11-23T07:00:00Z"));

		Element feed = parse(DigestFeed.atom(FEED, List.of(older, newer)));

		assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(feed.getLocalName()).isEqualTo("feed");
		assertThat(child(feed, "id")).isEqualTo(FEED.url());
		assertThat(child(feed, "title")).isEqualTo("Paperboy: your papers");
		assertThat(child(feed, "updated")).isEqualTo("2026-11-23T07:00:00Z");
		Element self = (Element) feed.getElementsByTagNameNS(DigestFeed.ATOM, "link").item(0);
		assertThat(self.getAttribute("rel")).isEqualTo("self");
		assertThat(self.getAttribute("href")).isEqualTo(FEED.url());
		assertThat(((Element) feed.getElementsByTagNameNS(DigestFeed.ATOM, "author").item(0)).getTextContent().strip())
			.isEqualTo("Paperboy of the Example Lab");

		NodeList entries = feed.getElementsByTagNameNS(DigestFeed.ATOM, "entry");
		assertThat(entries.getLength()).isEqualTo(2);
		Element first = (Element) entries.item(0);
		assertThat(child(first, "id")).isEqualTo("tag:papers.example.org,2026-11-23:digest/42");
		assertThat(child(first, "title")).isEqualTo("Trending papers for Monday 23 November 2026");
		assertThat(((Element) first.getElementsByTagNameNS(DigestFeed.ATOM, "link").item(0)).getAttribute("href"))
			.isEqualTo("https://papers.example.org/digests/t0k3n");
		Element content = (Element) first.getElementsByTagNameNS(DigestFeed.ATOM, "content").item(0);
		assertThat(content.getAttribute("type")).isEqualTo("html");
		assertThat(content.getTextContent()).startsWith("<div><p>These are today's trending papers")
			.contains("<a href=\"https://huggingface.co/papers/2611.00001\">Learning dynamic representations")
			.contains(">More like this</a>");
		Element second = (Element) entries.item(1);
		assertThat(child(second, "title")).isEqualTo("Your papers for Monday 23 November 2026");
		assertThat(child(second, "updated")).isEqualTo("2026-11-22T07:00:00Z");
	}

	@Test
	void escapesPaperTextAndDropsWhatXmlCannotHold() throws Exception {
		Paper paper = DigestSamples.paper(0, HOSTILE, "An abstract & more <b>.");
		DigestView digest = DigestSamples.digest(List.of(paper), false);
		DigestFeed.Entry entry = DigestFeed.entry(digest, "tag:x,2026:1", Instant.EPOCH);
		DigestFeed.Entry titled = new DigestFeed.Entry(entry.id(), HOSTILE, entry.updated(), entry.url(), entry.html());

		String xml = DigestFeed.atom(FEED, List.of(titled));

		assertThat(xml).doesNotContain("<script>").doesNotContain("]]>");
		Element feed = parse(xml);
		Element item = (Element) feed.getElementsByTagNameNS(DigestFeed.ATOM, "entry").item(0);
		assertThat(child(item, "title")).isEqualTo("<script>alert(1)</script> & co ]]> ");
		// the content is HTML as text: once parsed, the title is still escaped in it
		assertThat(child(item, "content")).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co ]]&gt;")
			.doesNotContain("<script>")
			.contains("An abstract &amp; more &lt;b&gt;.");
	}

	@Test
	void emptyFeedIsStillValid() throws Exception {
		Element feed = parse(DigestFeed.atom(FEED, List.of()));
		assertThat(child(feed, "updated")).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(feed.getElementsByTagNameNS(DigestFeed.ATOM, "entry").getLength()).isZero();
	}

	@Test
	void leavesNonWebLinksOutOfTheEntry() {
		DigestView digest = DigestSamples.digest(DigestSamples.demoPapers(1), false);
		DigestView.Item item = digest.papers().get(0);
		DigestView.Item hostile = new DigestView.Item(1, item.key(), item.title(), "javascript:alert(1)",
				item.authors(), item.summary(), null, "data:text/html,x", null, List.of(), "javascript:more",
				"https://papers.example.org/less");
		DigestView withHostileLinks = new DigestView(digest.recipient(), digest.date(), digest.cadence(), false,
				List.of(hostile), digest.links(), digest.sender());
		String html = DigestFeed.entry(withHostileLinks, "tag:x,2026:1", Instant.EPOCH).html();
		assertThat(html).doesNotContain("javascript:")
			.doesNotContain("data:")
			.doesNotContain("More like this")
			.contains("<strong>" + item.title() + "</strong>")
			.contains("<a href=\"https://papers.example.org/less\">Less like this</a>");
	}

	@Test
	void mintsTagUrisUnderTheSiteHost() {
		assertThat(DigestFeed.tagUri("https://Papers.Example.org:8443/x", LocalDate.of(2026, 11, 23), "digest/42"))
			.isEqualTo("tag:papers.example.org,2026-11-23:digest/42");
		assertThat(DigestFeed.tagUri("not a url", LocalDate.of(2026, 1, 2), "digest/a b#é"))
			.isEqualTo("tag:localhost,2026-01-02:digest/a%20b%23%C3%A9");
	}

	private static Element parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		Document document = builder.parse(new InputSource(new StringReader(xml)));
		return document.getDocumentElement();
	}

	private static String child(Element parent, String name) {
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && name.equals(element.getLocalName())) {
				return element.getTextContent();
			}
		}
		throw new AssertionError("no " + name + " in " + parent.getLocalName());
	}

}
