package dev.paperboy.subscription.web;

import java.time.Duration;

import dev.paperboy.subscription.SubscriptionService;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/maintenance}: purging sign-ups never confirmed, counted first. Everyone
 * counts; ADMIN purges.
 */
@Controller
@RequestMapping("/admin/maintenance")
class MaintenanceConsole {

	static final int MIN_DAYS = 1;

	static final int MAX_DAYS = 36500;

	private final SubscriptionService subscriptions;

	MaintenanceConsole(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable String olderThanDays, Model model,
			HttpServletResponse response) {
		model.addAttribute("olderThanDays", (olderThanDays != null) ? olderThanDays : "30");
		if (olderThanDays != null) {
			Integer days = days(olderThanDays);
			if (days == null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("daysError", error());
			}
			else {
				model.addAttribute("days", days);
				model.addAttribute("count", this.subscriptions.countUnconfirmed(Duration.ofDays(days)));
			}
		}
		return "admin/maintenance/index";
	}

	@PostMapping("/purge")
	String purge(@RequestParam(defaultValue = "") String olderThanDays, RedirectAttributes redirect) {
		Integer days = days(olderThanDays);
		if (days == null) {
			redirect.addFlashAttribute("flashError", "Nothing purged: " + error());
			return "redirect:/admin/maintenance";
		}
		long purged = this.subscriptions.purgeUnconfirmed(Duration.ofDays(days));
		redirect.addFlashAttribute("flash", "Deleted " + purged + ((purged == 1) ? " sign-up" : " sign-ups")
				+ " never confirmed in " + days + ((days == 1) ? " day." : " days."));
		redirect.addAttribute("olderThanDays", days);
		return "redirect:/admin/maintenance";
	}

	static @Nullable Integer days(@Nullable String value) {
		try {
			int days = Integer.parseInt((value != null) ? value.strip() : "");
			return (days >= MIN_DAYS && days <= MAX_DAYS) ? days : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String error() {
		return "the age must be a whole number of days from " + MIN_DAYS + " to " + MAX_DAYS + ".";
	}

}
