package dev.paperboy.admin.subscribers;

import java.util.Optional;

import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.digest.DigestService;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One subscriber in the console, with the actions on them; each action calls the service
 * the admin API's endpoint calls.
 */
@Controller
class SubscriberDetailConsole {

	/** The email's own page: its inline styles and nothing else. */
	static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

	private final SubscriberDetails details;

	private final SubscriptionService subscriptions;

	private final DigestService digests;

	SubscriberDetailConsole(SubscriberDetails details, SubscriptionService subscriptions, DigestService digests) {
		this.details = details;
		this.subscriptions = subscriptions;
		this.digests = digests;
	}

	@GetMapping("/admin/subscribers/{id:\\d+}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		if (page < 0 || page > 1000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: 0 to 1000");
		}
		model.addAttribute("detail", this.details.find(id, page).orElseThrow(SubscriberDetailConsole::notFound));
		return "admin/subscribers/detail";
	}

	@GetMapping("/admin/subscribers/{id:\\d+}/preview")
	String preview(@PathVariable long id, Model model) {
		OutgoingMail mail = this.digests.preview(id).orElseThrow(SubscriberDetailConsole::notFound);
		model.addAttribute("subscriber", this.subscriptions.find(id).orElseThrow(SubscriberDetailConsole::notFound));
		model.addAttribute("mail", mail);
		return "admin/subscribers/preview";
	}

	@GetMapping("/admin/subscribers/{id:\\d+}/preview.html")
	ResponseEntity<String> previewHtml(@PathVariable long id, @RequestParam(defaultValue = "light") String theme) {
		String html = this.digests.preview(id).map(OutgoingMail::html).orElseThrow(SubscriberDetailConsole::notFound);
		// The email follows the reader's colour scheme; each preview shows one scheme,
		// whatever the console's is: the email's dark rules always or never apply, and
		// its head declares that one scheme only (the body, with the papers' text, is
		// left as it is).
		String scheme = theme.equals("dark") ? "dark" : "light";
		int body = Math.max(html.indexOf("</head>"), 0);
		String shown = html.substring(0, body)
			.replace("(prefers-color-scheme: dark)", scheme.equals("dark") ? "all" : "not all")
			.replace("light dark", scheme) + html.substring(body);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.header("Content-Security-Policy", PREVIEW_POLICY)
			.header("Cache-Control", "no-store")
			.body(shown);
	}

	@PostMapping("/admin/subscribers/{id:\\d+}/confirmation")
	String resendConfirmation(@PathVariable long id, RedirectAttributes redirect) {
		SubscriptionService.Resend result = this.subscriptions.resendConfirmation(id);
		switch (result) {
			case SENT -> redirect.addFlashAttribute("flash", "A new confirmation email is on its way.");
			case NOT_PENDING -> redirect.addFlashAttribute("flashError", "Only pending subscribers get confirmations.");
			case SUPPRESSED -> redirect.addFlashAttribute("flashError", "The address is on the suppression list.");
			case TOO_SOON ->
				redirect.addFlashAttribute("flashError", "A confirmation went out recently; try again later.");
		}
		return "redirect:/admin/subscribers/" + id;
	}

	@PostMapping("/admin/subscribers/{id:\\d+}/test-digest")
	String sendTest(@PathVariable long id, @RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
		Optional<EmailAddress> address = EmailAddress.parse(to);
		if (address.isEmpty()) {
			redirect.addFlashAttribute("flashError", "Enter the address the test should go to.");
		}
		else if (this.digests.sendTest(address.get(), id)) {
			redirect.addFlashAttribute("flash", "A test of this subscriber's next digest went to " + to + ".");
		}
		else {
			redirect.addFlashAttribute("flashError", "That address is on the suppression list.");
		}
		return "redirect:/admin/subscribers/" + id;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscriber");
	}

}
