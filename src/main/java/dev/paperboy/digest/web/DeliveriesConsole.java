package dev.paperboy.digest.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.digest.DeliveryRuns;
import dev.paperboy.digest.DigestStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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

	static final Set<String> STATUSES = Set.of("SENT", "FAILED", "SKIPPED", "SUPPRESSED");

	static final int DIGESTS_SHOWN = 100;

	private final SendingSwitch sending;

	private final DigestStatistics statistics;

	DeliveriesConsole(DeliveryRuns runs, SendingSwitch sending, DigestStatistics statistics) {
		this.runs = runs;
		this.sending = sending;
		this.statistics = statistics;
	}

	@GetMapping
	String page(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant hour,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		if (status != null || day != null || from != null || to != null) {
			return composed(status, day, from, to, model);
		}
		live(hour, model);
		// digest_schedule_due_idx, as the dashboard's "due within the hour" tile reads it
		model.addAttribute("next", this.statistics.next(Instant.now()));
		return "admin/deliveries/page";
	}

	// The digests composed on a day or a range of days that are now in one status: the
	// count from the daily rollup the dashboard sums, and the newest of those digests.
	private String composed(@Nullable String status, @Nullable LocalDate day, @Nullable LocalDate from,
			@Nullable LocalDate to, Model model) {
		if (status == null || !STATUSES.contains(status)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"status must be one of SENT, FAILED, SKIPPED, SUPPRESSED");
		}
		LocalDate first = (day != null) ? day : from;
		LocalDate last = (day != null) ? day : to;
		if (first == null || last == null || (day != null && (from != null || to != null))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either day or both from and to");
		}
		if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"to must be on or after from, and at most a year later");
		}
		model.addAttribute("status", status);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("figure", "digests-" + status.toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("count", this.statistics.total(first, last).count(status));
		model.addAttribute("digests", this.runs.composed(status, first, last, DIGESTS_SHOWN));
		model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
		return "admin/deliveries/composed";
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
