package dev.paperboy.digest.feed;

import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.paperboy.digest.render.DigestItems;
import dev.paperboy.digest.render.DigestView;

/**
 * A subscriber's private Atom 1.0 feed: one entry per digest, its papers as an HTML list.
 * Every character goes through an {@link XMLStreamWriter}, so paper text is escaped, and
 * characters XML cannot hold are dropped.
 */
public final class DigestFeed {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	/** "Monday 23 November 2026", as the digest's heading writes a date. */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

	private DigestFeed() {
	}

	/**
	 * The feed itself.
	 *
	 * @param url the feed's own (signed) address, also its id
	 * @param title the feed's title ("Paperboy: your papers")
	 * @param subtitle a line on what it holds
	 * @param author who publishes it (the sender's name)
	 * @param siteUrl the service's public URL
	 */
	public record Feed(String url, String title, String subtitle, String author, String siteUrl) {

	}

	/**
	 * One digest in the feed.
	 *
	 * @param id a stable, unique URI ({@link #tagUri})
	 * @param title the entry's title
	 * @param updated when the digest was sent
	 * @param url the digest as a web page
	 * @param html the entry's content, an HTML fragment
	 */
	public record Entry(String id, String title, Instant updated, String url, String html) {

	}

	/**
	 * The entry of a digest, titled "Your papers for Monday 23 November 2026", with its
	 * papers as an HTML list.
	 * @param digest the digest
	 * @param id a stable, unique URI, such as {@code tagUri(siteUrl, date, "digest/42")}
	 * @param sentAt when it was sent
	 * @return the entry
	 */
	public static Entry entry(DigestView digest, String id, Instant sentAt) {
		String title = (digest.trending() ? "Trending papers for " : "Your papers for ") + DATE.format(digest.date());
		return new Entry(id, title, sentAt, digest.links().view(), DigestFeedHtml.of(digest));
	}

	/**
	 * A tag URI (RFC 4151) minted under the site's host name, stable for as long as the
	 * host and the specific part are.
	 * @param siteUrl the service's public URL
	 * @param date a date on which the site owned its host name
	 * @param specific what the URI names, unique under the host ("digest/42")
	 * @return {@code tag:HOST,DATE:SPECIFIC}
	 */
	public static String tagUri(String siteUrl, LocalDate date, String specific) {
		String host;
		try {
			host = new URI(siteUrl).getHost();
		}
		catch (URISyntaxException ex) {
			host = null;
		}
		StringBuilder tag = new StringBuilder("tag:")
			.append((host != null) ? host.toLowerCase(Locale.ROOT) : "localhost")
			.append(',')
			.append(date)
			.append(':');
		for (byte b : specific.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~/:@!$&'()*+,;=".indexOf(c) >= 0) {
				tag.append(c);
			}
			else {
				tag.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return tag.toString();
	}

	/**
	 * Writes the feed, newest entry first; it was updated when its newest entry was (the
	 * Unix epoch when it has none).
	 * @param feed the feed
	 * @param entries its entries
	 * @return an Atom 1.0 document
	 */
	public static String atom(Feed feed, List<Entry> entries) {
		List<Entry> newestFirst = entries.stream().sorted(Comparator.comparing(Entry::updated).reversed()).toList();
		Instant updated = newestFirst.isEmpty() ? Instant.EPOCH : newestFirst.get(0).updated();
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(ATOM);
			xml.writeStartElement(ATOM, "feed");
			xml.writeDefaultNamespace(ATOM);
			element(xml, "id", feed.url());
			element(xml, "title", feed.title());
			element(xml, "subtitle", feed.subtitle());
			element(xml, "updated", timestamp(updated));
			link(xml, "self", feed.url(), "application/atom+xml");
			link(xml, "alternate", feed.siteUrl(), "text/html");
			xml.writeStartElement("author");
			element(xml, "name", feed.author());
			xml.writeEndElement();
			for (Entry entry : newestFirst) {
				xml.writeStartElement("entry");
				element(xml, "id", entry.id());
				element(xml, "title", entry.title());
				element(xml, "updated", timestamp(entry.updated()));
				link(xml, "alternate", entry.url(), "text/html");
				xml.writeStartElement("content");
				xml.writeAttribute("type", "html");
				xml.writeCharacters(xmlText(entry.html()));
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the feed: " + ex.getMessage(), ex);
		}
		return out.toString();
	}

	static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(xmlText(text));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", xmlText(href));
	}

	private static String timestamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * Text without the characters XML 1.0 cannot hold (control characters, unpaired
	 * surrogates), which a writer would otherwise copy into an unreadable document.
	 * @param text any text
	 * @return the text XML can hold
	 */
	static String xmlText(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter(DigestFeed::isXmlChar).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	private static boolean isXmlChar(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
