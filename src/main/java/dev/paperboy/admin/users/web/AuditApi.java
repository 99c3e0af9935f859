package dev.paperboy.admin.users.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.AuditEvent;
import dev.paperboy.admin.users.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Slice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over the admin API (ADMIN), as the console's page filters it.
 */
@RestController
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/admin/audit")
	Map<String, Object> list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page) {
		Instant start = AuditConsole.day(from, 0);
		Instant end = AuditConsole.day(to, 1);
		if ((from != null && !from.isBlank() && start == null) || (to != null && !to.isBlank() && end == null)) {
			throw new AdminRequestException(400, "from and to are dates, YYYY-MM-DD");
		}
		Slice<AuditEvent> events = this.audit.search(new AuditLog.Filter(actor, action, start, end), page);
		List<Event> content = events.getContent()
			.stream()
			.map((e) -> new Event(e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getOutcome(),
					e.getRemoteAddress()))
			.toList();
		return Map.of("events", content, "page", events.getNumber(), "hasNext", events.hasNext());
	}

	record Event(Instant at, String actor, String action, @Nullable String target, String outcome,
			@Nullable String remoteAddress) {
	}

}
