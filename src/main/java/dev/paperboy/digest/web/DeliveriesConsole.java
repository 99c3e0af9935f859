package dev.paperboy.digest.web;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.digest.DeliveryRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's deliveries page: the current run's progress, refreshed every two seconds,
 * its failures with a retry, and the switch that pauses all sending (the same services as
 * {@link DeliveryRunController} and delivery's sending API).
 */
@Controller
@RequestMapping("/admin/deliveries")
class DeliveriesConsole {

	private final DeliveryRuns runs;

	private final SendingSwitch sending;

	DeliveriesConsole(DeliveryRuns runs, SendingSwitch sending) {
		this.runs = runs;
		this.sending = sending;
	}

	@GetMapping
	String page(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant hour,
			Model model) {
		live(hour, model);
		return "admin/deliveries/page";
	}

	@GetMapping("/live")
	String live(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant hour,
			Model model) {
		Instant at = ((hour != null) ? hour : Instant.now()).truncatedTo(ChronoUnit.HOURS);
		model.addAttribute("hour", at);
		model.addAttribute("current", hour == null || at.equals(Instant.now().truncatedTo(ChronoUnit.HOURS)));
		model.addAttribute("previousHour", at.minus(1, ChronoUnit.HOURS));
		model.addAttribute("nextHour", at.plus(1, ChronoUnit.HOURS));
		model.addAttribute("progress", this.runs.progress(at));
		model.addAttribute("failed", this.runs.failed(at, DeliveryRunController.FAILED_SHOWN));
		model.addAttribute("sending", this.sending.state());
		return "admin/deliveries/page :: live";
	}

	@PostMapping("/pause")
	String pause(Principal principal, RedirectAttributes redirect) {
		this.sending.pause(principal.getName());
		redirect.addFlashAttribute("flash", "Sending paused on every instance.");
		return "redirect:/admin/deliveries";
	}

	@PostMapping("/resume")
	String resume(Principal principal, RedirectAttributes redirect) {
		this.sending.resume(principal.getName());
		redirect.addFlashAttribute("flash", "Sending resumed.");
		return "redirect:/admin/deliveries";
	}

	@PostMapping("/retry-failed")
	String retryFailed(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant hour,
			RedirectAttributes redirect) {
		int retried = this.runs.retryFailed(hour);
		redirect.addFlashAttribute("flash",
				retried + " failed digest" + ((retried == 1) ? "" : "s") + " queued again.");
		return "redirect:/admin/deliveries?hour=" + hour.truncatedTo(ChronoUnit.HOURS);
	}

}
