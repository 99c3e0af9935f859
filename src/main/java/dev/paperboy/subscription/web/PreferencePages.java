package dev.paperboy.subscription.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.DigestPreview;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.TokenPurpose;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The preference centre behind the signed manage link: no password, every profile field,
 * pause and resume, a preview, download my data, delete me. The preview of the next
 * digest is a page of its own, so that opening the preferences ranks nothing.
 */
@Controller
class PreferencePages {

	private final SubscriptionService subscriptions;

	private final DigestPreview preview;

	private final PaperCatalog catalog;

	private final JsonMapper json;

	PreferencePages(SubscriptionService subscriptions, DigestPreview preview, PaperCatalog catalog, JsonMapper json) {
		this.subscriptions = subscriptions;
		this.preview = preview;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping("/manage/{token}")
	String page(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE)
			.map((subscriber) -> show(token, subscriber, SubscribeForm.of(subscriber.profile()), model))
			.orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@GetMapping("/manage/{token}/preview")
	String preview(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE)
			.map((subscriber) -> showPreview(token, subscriber, model))
			.orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}")
	String save(@PathVariable String token, @ModelAttribute("form") SubscribeForm form, HttpServletResponse response,
			Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			try {
				Profile profile = form.profile();
				this.subscriptions.updateProfile(subscriber.id(), profile);
				model.addAttribute("saved", true);
				return show(token, this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).orElseThrow(),
						SubscribeForm.of(profile), model);
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("errorField", ex.field());
				model.addAttribute("error", "Please check " + ex.getMessage() + ".");
				return show(token, subscriber, form, model);
			}
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}/pause")
	String pause(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			this.subscriptions.pause(subscriber.id());
			return reload(token, model);
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}/resume")
	String resume(@PathVariable String token, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			this.subscriptions.resume(subscriber.id());
			return reload(token, model);
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}/feedback")
	String feedback(@PathVariable String token, @RequestParam String paper, @RequestParam String vote,
			@RequestParam(defaultValue = "") String from, HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			this.subscriptions.giveFeedback(subscriber.id(), paper, "more".equals(vote));
			model.addAttribute("feedbackSaved", true);
			if ("preview".equals(from)) {
				return showPreview(token, subscriber, model);
			}
			return reload(token, model);
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}/feedback/undo")
	String undoFeedback(@PathVariable String token, @RequestParam String paper, HttpServletResponse response,
			Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			this.subscriptions.undoFeedback(subscriber.id(), paper);
			return reload(token, model);
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	@PostMapping("/manage/{token}/export")
	ResponseEntity<byte[]> export(@PathVariable String token) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE)
			.map((subscriber) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("paperboy-my-data.json").build().toString())
				.body(this.json.writerWithDefaultPrettyPrinter()
					.writeValueAsString(this.subscriptions.export(subscriber.id()))
					.getBytes(StandardCharsets.UTF_8)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	@PostMapping("/manage/{token}/delete")
	String delete(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirm,
			HttpServletResponse response, Model model) {
		return this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).map((subscriber) -> {
			if (!confirm) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("deleteError", "Tick the box to confirm that everything should be deleted.");
				return show(token, subscriber, SubscribeForm.of(subscriber.profile()), model);
			}
			this.subscriptions.erase(subscriber.id());
			return "public/deleted";
		}).orElseGet(() -> SubscriptionPages.invalidLink(response));
	}

	private String reload(String token, Model model) {
		Subscriber subscriber = this.subscriptions.subscriberFor(token, TokenPurpose.MANAGE).orElseThrow();
		return show(token, subscriber, SubscribeForm.of(subscriber.profile()), model);
	}

	private String show(String token, Subscriber subscriber, SubscribeForm form, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("form", form);
		List<Feedback> feedback = this.subscriptions.feedback(subscriber.id()).stream().limit(50).toList();
		Map<String, String> titles = this.catalog.titles(feedback.stream().map(Feedback::paperKey).toList());
		model.addAttribute("feedback",
				feedback.stream()
					.map((given) -> new FeedbackView(given.paperKey(),
							titles.getOrDefault(given.paperKey(), given.paperKey()), given.more()))
					.toList());
		model.addAttribute("unsubscribeUrl",
				this.subscriptions.link(subscriber.id(), TokenPurpose.UNSUBSCRIBE, "/unsubscribe/"));
		return "public/manage";
	}

	private String showPreview(String token, Subscriber subscriber, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("preview", this.preview.preview(subscriber));
		return "public/preview";
	}

	record FeedbackView(String key, String title, boolean more) {
	}

}
