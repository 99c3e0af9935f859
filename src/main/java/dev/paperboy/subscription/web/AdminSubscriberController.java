package dev.paperboy.subscription.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Operators add subscribers who already consented (an imported list): active at once.
 */
@RestController
class AdminSubscriberController {

	private final SubscriptionService subscriptions;

	AdminSubscriberController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping("/api/v1/admin/subscribers")
	ResponseEntity<Map<String, Long>> create(@RequestBody NewSubscriber body, HttpServletRequest request) {
		if (body.status() != null && !body.status().equals("ACTIVE")) {
			throw new InvalidInputException("status", "must be ACTIVE: use the sign-up for anyone else");
		}
		EmailAddress email = EmailAddress.parse(body.email())
			.orElseThrow(() -> new InvalidInputException("email", "is not a valid email address"));
		List<String> liked = (body.likedPapers() != null) ? body.likedPapers() : List.of();
		if (liked.size() > 100 || liked.stream()
			.anyMatch((paper) -> paper == null || paper.isBlank() || paper.length() > 1000
					|| paper.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidInputException("likedPapers", "must be at most 100 arXiv ids or titles, one line each");
		}
		SubscriptionApi.ProfileBody profile = new SubscriptionApi.ProfileBody(body.interests(), body.keywords(),
				body.authors(), body.categories(), body.cadence(), body.weekday(), body.deliveryHour(), body.timeZone(),
				body.papersPerDigest(), body.minUpvotes(), body.whenEmpty());
		long id = this.subscriptions.importActive(email, profile.toProfile(),
				liked.stream().map(String::strip).toList(), Requests.client(request));
		return ResponseEntity.created(URI.create("/api/v1/admin/subscribers/" + id)).body(Map.of("id", id));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		HttpStatus status = ex.getMessage().endsWith("already subscribed") ? HttpStatus.CONFLICT
				: HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	record NewSubscriber(@Nullable String email, @Nullable String status, @Nullable String interests,
			@Nullable String keywords, @Nullable List<String> authors, @Nullable List<String> categories,
			@Nullable List<String> likedPapers, @Nullable String cadence, @Nullable String weekday,
			@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest,
			@Nullable Integer minUpvotes, @Nullable String whenEmpty) {
	}

}
