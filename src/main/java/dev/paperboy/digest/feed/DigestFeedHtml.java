package dev.paperboy.digest.feed;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.paperboy.digest.render.DigestItems;
import dev.paperboy.digest.render.DigestView;

import org.jspecify.annotations.Nullable;

/**
 * A digest as the HTML of a feed entry: a plain list a feed reader shows well, without
 * the email's layout, hidden preheader or footer. Written with an
 * {@link XMLStreamWriter}, so every text and attribute is escaped.
 */
final class DigestFeedHtml {

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

	private final XMLStreamWriter xml;

	private DigestFeedHtml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	static String of(DigestView digest) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
			new DigestFeedHtml(xml).write(digest);
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the digest's HTML: " + ex.getMessage(), ex);
		}
		return out.toString();
	}

	private void write(DigestView digest) throws XMLStreamException {
		this.xml.writeStartElement("div");
		if (digest.trending()) {
			paragraph(trendingNote(digest.cadence()));
		}
		this.xml.writeStartElement("ol");
		for (DigestView.Item item : digest.papers()) {
			this.xml.writeStartElement("li");
			this.xml.writeStartElement("p");
			this.xml.writeStartElement("strong");
			link(item.url(), item.title());
			this.xml.writeEndElement();
			String byline = byline(item);
			if (!byline.isEmpty()) {
				this.xml.writeEmptyElement("br");
				text(byline);
			}
			this.xml.writeEndElement();
			if (!item.summary().isEmpty()) {
				paragraph(item.summary());
			}
			if (!item.reasons().isEmpty()) {
				this.xml.writeStartElement("p");
				this.xml.writeStartElement("em");
				text("Why: " + String.join(" · ", item.reasons()));
				this.xml.writeEndElement();
				this.xml.writeEndElement();
			}
			this.xml.writeStartElement("p");
			links(item.pdfUrl(), "PDF", item.codeUrl(), "Code", item.moreUrl(), "More like this", item.lessUrl(),
					"Less like this");
			this.xml.writeEndElement();
			this.xml.writeEndElement();
		}
		this.xml.writeEndElement();
		this.xml.writeStartElement("p");
		link(digest.links().view(), "View in your browser");
		text(" · ");
		link(digest.links().manage(), "Manage your preferences");
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	// "PDF · Code · More like this · Less like this", without the unknown ones
	private void links(@Nullable String... urlsAndLabels) throws XMLStreamException {
		boolean first = true;
		for (int i = 0; i < urlsAndLabels.length; i += 2) {
			if (DigestItems.webLink(urlsAndLabels[i]) != null) {
				if (!first) {
					text(" · ");
				}
				link(urlsAndLabels[i], urlsAndLabels[i + 1]);
				first = false;
			}
		}
	}

	static String trendingNote(String cadence) {
		String period = switch (cadence) {
			case "daily" -> "today's";
			case "weekly" -> "this week's";
			default -> "the latest";
		};
		return "These are " + period + " trending papers rather than a selection for you: your profile has no "
				+ "interests yet, or nothing new matched them.";
	}

	private static String byline(DigestView.Item item) {
		String upvotes = (item.upvotes() != null) ? "▲ " + item.upvotes() : "";
		return (item.authors().isEmpty() || upvotes.isEmpty()) ? item.authors() + upvotes
				: item.authors() + " · " + upvotes;
	}

	private void paragraph(String text) throws XMLStreamException {
		this.xml.writeStartElement("p");
		text(text);
		this.xml.writeEndElement();
	}

	// a link only to a web page: any other scheme leaves the plain text
	private void link(@Nullable String url, String text) throws XMLStreamException {
		String href = DigestItems.webLink(url);
		if (href == null) {
			text(text);
			return;
		}
		this.xml.writeStartElement("a");
		this.xml.writeAttribute("href", DigestFeed.xmlText(href));
		text(text);
		this.xml.writeEndElement();
	}

	private void text(String text) throws XMLStreamException {
		this.xml.writeCharacters(DigestFeed.xmlText(text));
	}

}
