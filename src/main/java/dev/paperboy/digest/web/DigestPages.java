package dev.paperboy.digest.web;

import java.util.List;
import java.util.Optional;

import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.digest.feed.DigestFeed;
import dev.paperboy.digest.DigestService;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionProperties;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.TokenPurpose;
import dev.paperboy.subscription.Tokens;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The digest's signed links: "view in browser", the subscriber's private Atom feed, and
 * "more like this" / "less like this". Every page is private (no caching by shared
 * caches, no indexing, no referrer).
 */
@Controller
class DigestPages {

	private static final String INVALID_LINK = "public/invalid-link";

	// The web copy is the email's own HTML, with its inline styles and <style> block: it
	// may style itself and show images, and can do nothing else (no script, no form).
	static final String DIGEST_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final Tokens tokens;

	private final DigestService digests;

	private final SubscriptionService subscriptions;

	private final PaperCatalog papers;

	private final SubscriptionProperties site;

	private final MailTemplates templates;

	DigestPages(Tokens tokens, DigestService digests, SubscriptionService subscriptions, PaperCatalog papers,
			SubscriptionProperties site, MailTemplates templates) {
		this.templates = templates;
		this.tokens = tokens;
		this.digests = digests;
		this.subscriptions = subscriptions;
		this.papers = papers;
		this.site = site;
	}

	@GetMapping("/digests/{token}")
	String view(@PathVariable String token, Model model, HttpServletResponse response) {
		privateResponse(response);
		Optional<Tokens.Verified> verified = this.tokens.verify(token, TokenPurpose.VIEW)
			.filter((link) -> link.subject() > 0);
		return verified.flatMap((link) -> this.digests.view(link.subscriberId(), link.subject())).map((digest) -> {
			response.setHeader("Content-Security-Policy", DIGEST_CONTENT_SECURITY_POLICY);
			model.addAttribute("digest", digest);
			// the email's template: it reads the branding as the email does
			model.addAttribute("brand", this.templates.brand());
			return "public/digest";
		}).orElseGet(() -> invalid(response));
	}

	@GetMapping("/feed/{token}")
	ResponseEntity<String> feed(@PathVariable String token) {
		Optional<Tokens.Verified> verified = this.tokens.verify(token, TokenPurpose.VIEW)
			.filter((link) -> link.subject() == 0);
		if (verified.isEmpty() || this.subscriptions.find(verified.get().subscriberId()).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_PLAIN)
				.body("This feed link is not valid (any more).\n");
		}
		long subscriberId = verified.get().subscriberId();
		String siteUrl = this.site.publicUrl().toString();
		List<DigestFeed.Entry> entries = this.digests.sent(subscriberId, 30)
			.stream()
			.map((sent) -> DigestFeed.entry(sent.view(),
					DigestFeed.tagUri(siteUrl, sent.view().date(), "digest/" + sent.id()), sent.sentAt()))
			.toList();
		String atom = DigestFeed.atom(new DigestFeed.Feed(this.site.link("/feed/" + token), "Your Paperboy papers",
				"The papers picked for you, digest by digest", "Paperboy", siteUrl), entries);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.header("Cache-Control", "private, max-age=300")
			.header("X-Robots-Tag", "noindex, nofollow")
			.body(atom);
	}

	// Link checkers in mail systems open every link of a message: the GET shows a page
	// that records the vote by submitting itself (one click for a person), and a POST
	// records it.
	@GetMapping("/feedback/{token}")
	String feedbackPage(@PathVariable String token, @RequestParam(defaultValue = "") String vote, Model model,
			HttpServletResponse response) {
		privateResponse(response);
		Optional<Paper> paper = paper(token);
		if (paper.isEmpty() || !(vote.equals("more") || vote.equals("less"))) {
			return invalid(response);
		}
		model.addAttribute("token", token);
		model.addAttribute("vote", vote);
		model.addAttribute("paper", paper.get());
		model.addAttribute("recorded", false);
		return "public/feedback";
	}

	@PostMapping("/feedback/{token}")
	String feedback(@PathVariable String token, @RequestParam(defaultValue = "") String vote, Model model,
			HttpServletResponse response) {
		privateResponse(response);
		Optional<Tokens.Verified> verified = this.tokens.verify(token, TokenPurpose.FEEDBACK);
		Optional<Paper> paper = paper(token);
		if (verified.isEmpty() || paper.isEmpty() || !(vote.equals("more") || vote.equals("less"))) {
			return invalid(response);
		}
		long subscriberId = verified.get().subscriberId();
		if (this.subscriptions.find(subscriberId).isEmpty()) {
			return invalid(response);
		}
		this.subscriptions.giveFeedback(subscriberId, paper.get().key(), vote.equals("more"));
		model.addAttribute("token", token);
		model.addAttribute("vote", vote);
		model.addAttribute("paper", paper.get());
		model.addAttribute("recorded", true);
		model.addAttribute("manageUrl", this.subscriptions.link(subscriberId, TokenPurpose.MANAGE, "/manage/"));
		return "public/feedback";
	}

	private Optional<Paper> paper(String token) {
		return this.tokens.verify(token, TokenPurpose.FEEDBACK)
			.flatMap((link) -> Optional.ofNullable(this.papers.byIds(List.of(link.subject())).get(link.subject())));
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return INVALID_LINK;
	}

	private static void privateResponse(HttpServletResponse response) {
		response.setHeader("Cache-Control", "private, no-store");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
