package dev.paperboy.digest.render;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a digest's email, web page and feed entry show, already shortened and with
 * every link signed. Templates read only this; all text in it is plain text, escaped by
 * the templates.
 *
 * @param recipient the subscriber's address
 * @param date the digest's date in the subscriber's time zone
 * @param cadence "daily" or "weekly"
 * @param trending true when these are the period's trending papers rather than matches
 * (no profile, or nothing matched and the subscriber asked for trending papers then)
 * @param papers the papers, best first
 * @param links the subscriber's signed links
 * @param sender who sends it
 */
public record DigestView(String recipient, LocalDate date, String cadence, boolean trending, List<Item> papers,
		Links links, Sender sender) {

	public DigestView {
		papers = List.copyOf(papers);
	}

	/**
	 * One paper of a digest.
	 *
	 * @param position 1, 2, ...
	 * @param key the paper's key
	 * @param title the title
	 * @param url its Hugging Face page, else its arXiv page, else null (http or https
	 * only)
	 * @param authors the shortened author list ("A, B, C et al.")
	 * @param summary the source's one-line summary, else the abstract's first sentences
	 * @param upvotes Hugging Face upvotes, when known
	 * @param pdfUrl the PDF, when known
	 * @param codeUrl the code, when known
	 * @param reasons why it matched
	 * @param moreUrl the signed "more like this" link
	 * @param lessUrl the signed "less like this" link
	 * @param html the paper's heading as {@code mail/digest-paper.html} renders it, or
	 * null for the templates to render it (rendered once per paper, it is the same in
	 * every digest)
	 * @param text the same in plain text ({@code mail/digest-paper.txt}), or null
	 */
	public record Item(int position, String key, String title, @Nullable String url, String authors, String summary,
			@Nullable Integer upvotes, @Nullable String pdfUrl, @Nullable String codeUrl, List<String> reasons,
			String moreUrl, String lessUrl, @Nullable String html, @Nullable String text) {

		public Item {
			reasons = List.copyOf(reasons);
		}

		/**
		 * @return why it matched: the reasons joined by " · ", or empty
		 */
		public String why() {
			return String.join(" · ", this.reasons);
		}

		/** An item whose templates render its heading themselves. */
		public Item(int position, String key, String title, @Nullable String url, String authors, String summary,
				@Nullable Integer upvotes, @Nullable String pdfUrl, @Nullable String codeUrl, List<String> reasons,
				String moreUrl, String lessUrl) {
			this(position, key, title, url, authors, summary, upvotes, pdfUrl, codeUrl, reasons, moreUrl, lessUrl, null,
					null);
		}

		/**
		 * @param position where it stands in the digest
		 * @param reasons why it matched
		 * @param moreUrl the signed "more like this" link
		 * @param lessUrl the signed "less like this" link
		 * @return this paper as one subscriber's digest shows it
		 */
		Item of(int position, List<String> reasons, String moreUrl, String lessUrl) {
			return new Item(position, this.key, this.title, this.url, this.authors, this.summary, this.upvotes,
					this.pdfUrl, this.codeUrl, reasons, moreUrl, lessUrl, null, null);
		}

		/**
		 * @param html the heading in HTML
		 * @param text the heading in plain text
		 * @return this item with its heading rendered
		 */
		Item withHeading(String html, String text) {
			return new Item(this.position, this.key, this.title, this.url, this.authors, this.summary, this.upvotes,
					this.pdfUrl, this.codeUrl, this.reasons, this.moreUrl, this.lessUrl, html, text);
		}

	}

	/**
	 * The subscriber's signed links.
	 *
	 * @param manage the preference centre
	 * @param unsubscribe one-click unsubscribe
	 * @param view this digest as a web page
	 * @param feed the subscriber's private Atom feed
	 */
	public record Links(String manage, String unsubscribe, String view, String feed) {

	}

	/**
	 * The sender's identity, from configuration.
	 *
	 * @param name the sender's name ("Paperboy of the Example Lab")
	 * @param siteUrl the service's public URL
	 * @param postalAddress the sender's postal address, one or more lines, or empty
	 * @param why why the recipient gets this ("You subscribed at https://... ")
	 */
	public record Sender(String name, String siteUrl, String postalAddress, String why) {

	}

}
