package dev.paperboy.matching.web;

import java.time.Instant;

import dev.paperboy.matching.MatcherPreview;
import dev.paperboy.matching.Selection;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A subscriber's next digest as the matcher ranks it, without sending anything.
 */
@RestController
class PreviewController {

	private final MatcherPreview matcher;

	private final SubscriptionService subscriptions;

	PreviewController(MatcherPreview matcher, SubscriptionService subscriptions) {
		this.matcher = matcher;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/api/v1/admin/subscribers/{id}/preview")
	Selection preview(@PathVariable long id) {
		Subscriber subscriber = this.subscriptions.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscriber"));
		return this.matcher.select(subscriber, Instant.now());
	}

}
