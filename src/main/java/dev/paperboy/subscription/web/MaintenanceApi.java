package dev.paperboy.subscription.web;

import java.time.Duration;
import java.util.Map;

import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintenance in the admin API, through the same {@link SubscriptionService} methods as
 * the console: {@code GET /api/v1/admin/maintenance/unconfirmed?olderThanDays=N} counts
 * the sign-ups never confirmed, {@code POST .../unconfirmed/purge?olderThanDays=N}
 * deletes them.
 */
@RestController
@RequestMapping("/api/v1/admin/maintenance/unconfirmed")
class MaintenanceApi {

	private final SubscriptionService subscriptions;

	MaintenanceApi(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	ResponseEntity<?> count(@RequestParam(required = false) @Nullable String olderThanDays) {
		Integer days = MaintenanceConsole.days(olderThanDays);
		if (days == null) {
			return invalid();
		}
		return ResponseEntity
			.ok(Map.of("olderThanDays", days, "count", this.subscriptions.countUnconfirmed(Duration.ofDays(days))));
	}

	@PostMapping("/purge")
	ResponseEntity<?> purge(@RequestParam(required = false) @Nullable String olderThanDays) {
		Integer days = MaintenanceConsole.days(olderThanDays);
		if (days == null) {
			return invalid();
		}
		return ResponseEntity
			.ok(Map.of("olderThanDays", days, "purged", this.subscriptions.purgeUnconfirmed(Duration.ofDays(days))));
	}

	private static ResponseEntity<ProblemDetail> invalid() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"olderThanDays: " + MaintenanceConsole.error());
		problem.setTitle("Invalid maintenance request");
		return ResponseEntity.badRequest().body(problem);
	}

}
