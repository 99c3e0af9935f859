package dev.paperboy.digest.render;

import java.io.UnsupportedEncodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.mime.MailBody;
import dev.paperboy.delivery.MailOutbox;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.digest.DigestProperties;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.feed.DigestFeed;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionProperties;
import dev.paperboy.subscription.TokenPurpose;
import dev.paperboy.subscription.Tokens;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeUtility;

/**
 * Turns a digest into its email: the view the templates read (every link signed), the
 * rendered HTML and text, and the headers (a Message-ID derived from the digest, List-Id,
 * List-Unsubscribe with one-click POST).
 */
@Component
public class DigestRenderer {

	private final DigestStencils stencils;

	private final PaperHeadings headings;

	private final Tokens tokens;

	private final SubscriptionProperties site;

	private final DeliveryProperties delivery;

	private final DigestProperties properties;

	private final PaperCatalog papers;

	private final String installation;

	private final MailTemplates templates;

	private final String siteUrl;

	// the sender and the List-Id header's value for the branding in force, the same in
	// every digest until it changes
	private volatile @Nullable Signature signature;

	DigestRenderer(DigestStencils stencils, Tokens tokens, SubscriptionProperties site, DeliveryProperties delivery,
			MailOutbox outbox, DigestProperties properties, PaperCatalog papers, PaperHeadings headings,
			MailTemplates templates) {
		this.stencils = stencils;
		this.headings = headings;
		this.tokens = tokens;
		this.site = site;
		this.delivery = delivery;
		this.properties = properties;
		this.papers = papers;
		this.installation = outbox.installation();
		this.templates = templates;
		this.siteUrl = site.publicUrl().toString();
	}

	/**
	 * @param brand a branding
	 * @return who a digest with that branding comes from (the configured postal address
	 * unless the branding has its own)
	 */
	public DigestView.Sender sender(Brand brand) {
		return signature(brand).sender;
	}

	private Signature signature(Brand brand) {
		Signature signature = this.signature;
		if (signature != null && signature.brand.equals(brand)) {
			return signature;
		}
		String address = brand.postalAddress().isEmpty() ? this.properties.postalAddress().replace("\\n", "\n")
				: brand.postalAddress();
		DigestView.Sender sender = new DigestView.Sender(brand.senderName(), this.siteUrl, address,
				"You get this email because you subscribed to " + brand.senderName() + " at " + this.siteUrl
						+ " and confirmed your address.");
		signature = new Signature(brand, sender, listName(brand.senderName()) + " <" + listId() + ">");
		this.signature = signature;
		return signature;
	}

	private record Signature(Brand brand, DigestView.Sender sender, String listIdHeader) {
	}

	/**
	 * @param paperIds papers of some digests
	 * @return them, by id, without those an operator hid (which the digests then leave
	 * out)
	 */
	public Map<Long, Paper> papers(Collection<Long> paperIds) {
		return this.headings.canonical(this.papers.shownByIds(paperIds));
	}

	/**
	 * @param digestId the digest (0 for one that is not stored: a preview or a test)
	 * @param subscriber its subscriber
	 * @param date its date
	 * @param trending whether its papers are trending rather than matched
	 * @param picks its papers with their reasons
	 * @param papers the papers by id
	 * @return what the templates show
	 */
	public DigestView view(long digestId, Subscriber subscriber, LocalDate date, boolean trending,
			List<Composed.Pick> picks, Map<Long, Paper> papers) {
		List<DigestView.Item> items = new ArrayList<>();
		for (Composed.Pick pick : picks) {
			Paper paper = papers.get(pick.paperId());
			if (paper == null) {
				continue;
			}
			String feedback = this.site
				.link("/feedback/" + this.tokens.issue(subscriber.id(), TokenPurpose.FEEDBACK, pick.paperId()));
			items.add(this.headings.item(items.size() + 1, paper, pick.reasons(), feedback + "?vote=more",
					feedback + "?vote=less"));
		}
		DigestView.Links links = new DigestView.Links(
				this.site.link("/manage/" + this.tokens.issue(subscriber.id(), TokenPurpose.MANAGE)),
				unsubscribeUrl(subscriber.id()),
				this.site.link("/digests/" + this.tokens.issue(subscriber.id(), TokenPurpose.VIEW, digestId)),
				this.site.link("/feed/" + this.tokens.issue(subscriber.id(), TokenPurpose.VIEW, 0)));
		String cadence = (subscriber.profile().cadence() == Profile.Cadence.WEEKLY) ? "weekly" : "daily";
		return new DigestView(subscriber.email(), date, cadence, trending, items, links,
				signature(this.templates.brand()).sender);
	}

	/**
	 * @param digestId the digest (0: not stored)
	 * @param view its view
	 * @return the message
	 */
	public OutgoingMail mail(long digestId, DigestView view) {
		// a digest to send goes as bytes when it can; a preview or a test as text
		MailBody body = this.stencils.body(view, digestId > 0);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Id", listIdHeader(view.sender()));
		String unsubscribe = "<" + view.links().unsubscribe() + ">";
		if (this.properties.unsubscribeMailto() != null) {
			unsubscribe += ", <mailto:" + this.properties.unsubscribeMailto() + "?subject=unsubscribe>";
		}
		headers.put("List-Unsubscribe", unsubscribe);
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		headers.put("Auto-Submitted", "auto-generated");
		headers.put("X-Auto-Response-Suppress", "OOF, AutoReply");
		return new OutgoingMail(view.recipient(), subject(view), body, headers,
				(digestId > 0) ? messageId(digestId) : null);
	}

	// Derived from the digest alone, so a digest sent again (a lease ran out) keeps it;
	// the installation's tag keeps two installations (or a reset database) from reusing
	// one.
	public String messageId(long digestId) {
		return "digest-" + digestId + "." + this.installation + "@" + domain();
	}

	String unsubscribeUrl(long subscriberId) {
		return this.site.link("/unsubscribe/" + this.tokens.issue(subscriberId, TokenPurpose.UNSUBSCRIBE));
	}

	private static String subject(DigestView view) {
		String when = DigestFeed.DATE.format(view.date());
		if (view.papers().isEmpty()) {
			return "Your papers for " + when;
		}
		// one line (the items' titles are collapsed already: this costs no copy then)
		String first = DigestItems.collapse(view.papers().get(0).title());
		if (first.length() > 70) {
			first = first.substring(0, 69) + "…";
		}
		String count = view.papers().size() + ((view.papers().size() == 1) ? " paper" : " papers");
		return (view.trending() ? "Trending: " : "") + first + " · " + count + " for " + when;
	}

	private String listIdHeader(DigestView.Sender sender) {
		Signature signature = this.signature;
		return (signature != null && signature.sender == sender) ? signature.listIdHeader
				: listName(sender.name()) + " <" + listId() + ">";
	}

	// The list's name, a quoted phrase, or encoded words when it is not ASCII (RFC 2047)
	private static String listName(String senderName) {
		String name = senderName.replace("\"", "") + " digest";
		try {
			String encoded = MimeUtility.encodeWord(name, "UTF-8", "Q");
			return encoded.equals(name) ? "\"" + name + "\"" : encoded;
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String listId() {
		return (this.properties.listId() != null) ? this.properties.listId() : "digest." + domain();
	}

	private String domain() {
		String from = this.delivery.from();
		return from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

}
