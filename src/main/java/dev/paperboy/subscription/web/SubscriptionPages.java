package dev.paperboy.subscription.web;

import java.time.Duration;
import java.util.Optional;

import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.RateLimiter;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.TokenPurpose;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages: sign up, confirm, unsubscribe and resubscribe. Pages behind a signed
 * link answer every failure (tampered, expired, used, wrong purpose, erased subscriber)
 * with the same page and status.
 */
@Controller
class SubscriptionPages {

	static final String INVALID_LINK = "public/invalid-link";

	private final SubscriptionService subscriptions;

	private final RateLimiter limiter;

	SubscriptionPages(SubscriptionService subscriptions, RateLimiter limiter) {
		this.subscriptions = subscriptions;
		this.limiter = limiter;
	}

	@GetMapping("/")
	String form(Model model) {
		model.addAttribute("form", SubscribeForm.empty());
		return "public/subscribe";
	}

	@PostMapping("/subscribe")
	String subscribe(@ModelAttribute("form") SubscribeForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<EmailAddress> email = EmailAddress.parse(form.email());
		Optional<Duration> wait = this.limiter.trySignUp(request.getRemoteAddr(), email);
		if (wait.isPresent()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
			model.addAttribute("retryMinutes", Math.max(1, wait.get().toMinutes()));
			return "public/too-many";
		}
		if (email.isEmpty()) {
			return invalid(response, model, "email", "Please enter a valid email address.");
		}
		Profile profile;
		try {
			profile = form.profile();
		}
		catch (InvalidInputException ex) {
			return invalid(response, model, ex.field(), "Please check " + ex.getMessage() + ".");
		}
		if (!form.isRobot()) {
			this.subscriptions.subscribe(email.get(), profile, Requests.client(request));
		}
		return "public/check-inbox";
	}

	@GetMapping("/confirm/{token}")
	String confirmPage(@PathVariable String token, HttpServletResponse response, Model model) {
		if (!this.subscriptions.canConfirm(token)) {
			return invalidLink(response);
		}
		model.addAttribute("token", token);
		return "public/confirm";
	}

	@PostMapping("/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Subscriber> subscriber = this.subscriptions.confirm(token, Requests.client(request));
		if (subscriber.isEmpty()) {
			return invalidLink(response);
		}
		model.addAttribute("manageUrl",
				this.subscriptions.link(subscriber.get().id(), TokenPurpose.MANAGE, "/manage/"));
		return "public/confirmed";
	}

	// GET only shows the button: mail scanners follow links, and must not unsubscribe
	// anyone.
	@GetMapping("/unsubscribe/{token}")
	String unsubscribePage(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.UNSUBSCRIBE).map((subscriber) -> {
			model.addAttribute("token", token);
			model.addAttribute("unsubscribed", subscriber.status() == Subscriber.Status.UNSUBSCRIBED);
			return "public/unsubscribe";
		}).orElseGet(() -> invalidLink(response));
	}

	// RFC 8058 one-click: form-encoded or multipart, no cookie, session or CSRF token,
	// 200 without a redirect, idempotent.
	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.UNSUBSCRIBE).map((subscriber) -> {
			this.subscriptions.unsubscribe(subscriber.id());
			model.addAttribute("token", token);
			model.addAttribute("unsubscribed", true);
			return "public/unsubscribe";
		}).orElseGet(() -> invalidLink(response));
	}

	@PostMapping("/unsubscribe/{token}/resubscribe")
	String resubscribe(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.UNSUBSCRIBE).map((subscriber) -> {
			this.subscriptions.resubscribe(subscriber.id(), Requests.client(request));
			model.addAttribute("token", token);
			model.addAttribute("unsubscribed", false);
			model.addAttribute("resubscribed", true);
			return "public/unsubscribe";
		}).orElseGet(() -> invalidLink(response));
	}

	static String invalidLink(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return INVALID_LINK;
	}

	private static String invalid(HttpServletResponse response, Model model, String field, String message) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("errorField", field);
		model.addAttribute("error", message);
		return "public/subscribe";
	}

}
