package dev.paperboy.digest.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.paperboy.digest.DeliveryRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of delivery runs (the digests due in one hour): progress, failures, and
 * retrying a run's failed digests.
 */
@RestController
@RequestMapping("/api/v1/admin/deliveries/run")
class DeliveryRunController {

	static final int FAILED_SHOWN = 200;

	private final DeliveryRuns runs;

	DeliveryRunController(DeliveryRuns runs) {
		this.runs = runs;
	}

	@GetMapping
	Map<String, Object> run(@RequestParam(required = false) @DateTimeFormat(
			iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant hour) {
		Instant at = (hour != null) ? hour : Instant.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("progress", this.runs.progress(at));
		body.put("failed", this.runs.failed(at, FAILED_SHOWN));
		return body;
	}

	@PostMapping("/retry-failed")
	Map<String, Object> retryFailed(@RequestParam(required = false) @DateTimeFormat(
			iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant hour) {
		return Map.of("retried", this.runs.retryFailed((hour != null) ? hour : Instant.now()));
	}

}
