package dev.paperboy.subscription.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import dev.paperboy.subscription.BulkAction;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.SubscriberDirectory;
import dev.paperboy.subscription.SubscriberPage;
import dev.paperboy.subscription.SubscriberSearch;
import dev.paperboy.subscription.SubscriberStatistics;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's subscriber list: search, sort, pages, bulk actions and the CSV export.
 */
@Controller
class SubscriberConsole {

	private final SubscriberDirectory directory;

	private final SubscriptionService subscriptions;

	private final SubscriberStatistics statistics;

	SubscriberConsole(SubscriberDirectory directory, SubscriptionService subscriptions,
			SubscriberStatistics statistics) {
		this.directory = directory;
		this.subscriptions = subscriptions;
		this.statistics = statistics;
	}

	@GetMapping("/admin/subscribers")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String in,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		model.addAttribute("q", q)
			.addAttribute("in", lower(in))
			.addAttribute("state", state)
			.addAttribute("sort", lower(sort));
		try {
			SubscriberSearch search = SubscriberSearch.of(q, in, state, sort, page);
			SubscriberPage found = this.directory.search(search);
			model.addAttribute("found", found);
			model.addAttribute("base", query(search));
			if (search.state() != null) {
				// the dashboard's rollup (subscriber_state_count, one row per state), so
				// the
				// page and the dashboard's tile show the same number
				model.addAttribute("stateCount", this.statistics.byState().get(search.state()));
				model.addAttribute("stateName", search.state().name());
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("searchError", ex.getMessage());
		}
		return "admin/subscribers/list";
	}

	@PostMapping("/admin/subscribers/bulk")
	String bulk(@RequestParam String action, @RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(defaultValue = "") String back,
			Model model, RedirectAttributes redirect) {
		String returnTo = back.startsWith("/admin/subscribers") && !back.startsWith("//") ? back : "/admin/subscribers";
		BulkAction wanted;
		try {
			wanted = BulkAction.valueOf(action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("flashError", "Choose pause, resume, unsubscribe or erase.");
			return "redirect:" + returnTo;
		}
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("flashError", "Select at least one subscriber.");
			return "redirect:" + returnTo;
		}
		if (wanted == BulkAction.ERASE && !confirmed) {
			model.addAttribute("selected", this.subscriptions.find(ids));
			model.addAttribute("back", returnTo);
			return "admin/subscribers/confirm-erase";
		}
		try {
			int changed = this.directory.apply(wanted, ids);
			redirect.addFlashAttribute("flash",
					"%s: %d of %d selected subscribers changed.".formatted(label(wanted), changed, ids.size()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + returnTo;
	}

	@GetMapping("/admin/subscribers/export.csv")
	void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String in,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String sort, HttpServletResponse response) throws IOException {
		SubscriberCsv.export(this.directory, SubscriberSearch.of(q, in, state, sort, 0), response);
	}

	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", ex.getMessage());
		return "redirect:/admin/subscribers";
	}

	static String query(SubscriberSearch search) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("");
		if (search.text() != null) {
			uri.queryParam("q", search.text()).queryParam("in", search.in().name().toLowerCase(Locale.ROOT));
		}
		if (search.state() != null) {
			uri.queryParam("state", search.state().name());
		}
		uri.queryParam("sort", search.sort().name().toLowerCase(Locale.ROOT));
		return uri.encode().build().toUriString();
	}

	private static @Nullable String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static String label(BulkAction action) {
		return switch (action) {
			case PAUSE -> "Paused";
			case RESUME -> "Resumed";
			case UNSUBSCRIBE -> "Unsubscribed";
			case ERASE -> "Erased";
		};
	}

}
