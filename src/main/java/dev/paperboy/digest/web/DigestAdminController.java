package dev.paperboy.digest.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.digest.DigestService;
import dev.paperboy.digest.DigestStatus;
import dev.paperboy.subscription.EmailAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Digest operations for the admin API (bearer token): run the scheduler, send or preview
 * one subscriber's digest, send a test, list deliveries, retry failed ones.
 */
@RestController
@RequestMapping("/api/v1/admin")
class DigestAdminController {

	private final DigestService digests;

	DigestAdminController(DigestService digests) {
		this.digests = digests;
	}

	@PostMapping("/digests/run")
	DigestScheduler.Run run() {
		return this.digests.runScheduler();
	}

	@PostMapping("/subscribers/{id}/digest")
	ResponseEntity<Map<String, Object>> sendNow(@PathVariable long id) {
		return this.digests.sendNow(id)
			.map((digest) -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(Map.<String, Object>of("digestId", digest)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"No such active subscriber, or nothing to send them now"));
	}

	@GetMapping("/subscribers/{id}/digest/preview")
	ResponseEntity<?> preview(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
		return this.digests.preview(id).<ResponseEntity<?>>map((mail) -> switch (format) {
			case "html" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
				// The page is the email: no scripts, no forms, nothing of this origin.
				.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
				.body(mail.html());
			case "text" ->
				ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(mail.text());
			default -> ResponseEntity.ok(json(mail));
		}).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscriber"));
	}

	@PostMapping("/digests/test")
	ResponseEntity<Map<String, Object>> test(@RequestBody TestRequest request) {
		EmailAddress to = EmailAddress.parse(request.to()).orElse(null);
		if (to == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to: not an email address");
		}
		boolean sent = this.digests.sendTest(to, request.subscriberId());
		if (!sent) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The address is suppressed");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("sent", true));
	}

	@GetMapping("/deliveries")
	ResponseEntity<Map<String, Object>> deliveries(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long subscriber, @RequestParam(defaultValue = "100") int limit) {
		DigestStatus wanted = null;
		if (status != null) {
			try {
				wanted = DigestStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"status: one of " + Arrays.toString(DigestStatus.values()));
			}
		}
		if (limit < 1 || limit > 1000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: 1 to 1000");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("counts", this.digests.counts());
		body.put("deliveries", this.digests.deliveries(wanted, subscriber, limit));
		return ResponseEntity.ok(body);
	}

	@PostMapping("/deliveries/{id}/retry")
	ResponseEntity<Map<String, Object>> retry(@PathVariable long id) {
		int retried = this.digests.retryFailed(id);
		if (retried == 0) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "No failed delivery with that id");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("retried", retried));
	}

	@PostMapping("/deliveries/retry-failed")
	Map<String, Object> retryFailed() {
		return Map.of("retried", this.digests.retryFailed(null));
	}

	private static Map<String, Object> json(OutgoingMail mail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", mail.to());
		body.put("subject", mail.subject());
		body.put("headers", mail.headers());
		body.put("text", mail.text());
		body.put("html", mail.html());
		return body;
	}

	record TestRequest(@Nullable String to, @Nullable Long subscriberId) {

	}

}
