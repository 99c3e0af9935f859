package dev.paperboy.digest;

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
	 */
	public record Item(int position, String key, String title, @Nullable String url, String authors, String summary,
			@Nullable Integer upvotes, @Nullable String pdfUrl, @Nullable String codeUrl, List<String> reasons,
			String moreUrl, String lessUrl) {

		public Item {
			reasons = List.copyOf(reasons);
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
