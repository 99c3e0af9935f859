package dev.paperboy.admin.subscribers;

import java.util.Map;

import dev.paperboy.digest.DigestRecord;
import dev.paperboy.digest.DigestService;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API's side of the subscriber detail (the preview and the test digest are
 * digest's endpoints: {@code GET /subscribers/{id}/digest/preview},
 * {@code POST /digests/test}).
 */
@RestController
@RequestMapping("/api/v1/admin/subscribers/{id:\\d+}")
class SubscriberDetailApi {

	private final SubscriberDetails details;

	private final SubscriptionService subscriptions;

	private final DigestService digests;

	SubscriberDetailApi(SubscriberDetails details, SubscriptionService subscriptions, DigestService digests) {
		this.details = details;
		this.subscriptions = subscriptions;
		this.digests = digests;
	}

	@GetMapping
	SubscriberDetails.Detail detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
		return this.details.find(id, checked(page))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscriber"));
	}

	@GetMapping("/digests")
	DigestRecord.Page digests(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
		if (this.subscriptions.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscriber");
		}
		return this.digests.history(id, checked(page), SubscriberDetails.DIGESTS_PER_PAGE);
	}

	@PostMapping("/confirmation")
	ResponseEntity<?> resendConfirmation(@PathVariable long id) {
		return switch (this.subscriptions.resendConfirmation(id)) {
			case SENT -> ResponseEntity.accepted().body(Map.of("sent", true));
			case NOT_PENDING -> problem(HttpStatus.CONFLICT, "no such pending subscriber");
			case SUPPRESSED -> problem(HttpStatus.CONFLICT, "the address is suppressed");
			case TOO_SOON -> problem(HttpStatus.TOO_MANY_REQUESTS, "a confirmation went out recently");
		};
	}

	private static int checked(int page) {
		if (page < 0 || page > 1000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: 0 to 1000");
		}
		return page;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
