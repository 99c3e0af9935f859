package dev.paperboy.admin.users.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.paperboy.admin.users.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's audit log (ADMIN): newest first, filtered by actor, action and dates
 * (UTC).
 */
@Controller
class AuditConsole {

	private final AuditLog audit;

	AuditConsole(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Instant start = day(from, 0);
		Instant end = day(to, 1);
		if ((from != null && !from.isBlank() && start == null) || (to != null && !to.isBlank() && end == null)) {
			model.addAttribute("flashError", "Dates are YYYY-MM-DD");
		}
		model.addAttribute("events", this.audit.search(new AuditLog.Filter(actor, action, start, end), page));
		model.addAttribute("actor", (actor != null) ? actor : "");
		model.addAttribute("action", (action != null) ? action : "");
		model.addAttribute("from", (from != null) ? from : "");
		model.addAttribute("to", (to != null) ? to : "");
		return "admin/audit";
	}

	/**
	 * @param date a day, YYYY-MM-DD
	 * @param plusDays 0 for its start, 1 for its end
	 * @return the instant, in UTC, or null
	 */
	static @Nullable Instant day(@Nullable String date, int plusDays) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
