package dev.paperboy.subscription.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.RateLimiter;
import dev.paperboy.subscription.SignUps;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.TokenPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The subscription API for sites that embed a sign-up form: the same rules and limits as
 * the pages.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Sign up, read and change a profile, unsubscribe")
class SubscriptionApi {

	private static final String ACCEPTED = "If the address can receive mail, a confirmation email is on its way.";

	private final SubscriptionService subscriptions;

	private final RateLimiter limiter;

	private final SignUps signUps;

	SubscriptionApi(SubscriptionService subscriptions, RateLimiter limiter, SignUps signUps) {
		this.subscriptions = subscriptions;
		this.limiter = limiter;
		this.signUps = signUps;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sign up; a confirmation email follows (double opt-in)",
			description = "Answers 202 the same way whatever the address's state. 429 with Retry-After when rate limited.")
	ResponseEntity<?> subscribe(
			@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = SignUp.class))) byte[] json,
			HttpServletRequest request) {
		SignUp body = StrictJson.read(json, SignUp.class);
		Optional<EmailAddress> email = EmailAddress.parse(body.email());
		Optional<Duration> wait = this.limiter.trySignUp(request.getRemoteAddr(), email);
		if (wait.isPresent()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
						"Too many sign-ups; try again after Retry-After seconds."));
		}
		if (email.isEmpty()) {
			throw new InvalidInputException("email", "is not a valid email address");
		}
		Profile profile = body.profile().toProfile();
		if (body.website() == null || body.website().isBlank()) {
			this.signUps.submit(email.get(), profile, Requests.client(request));
		}
		return ResponseEntity.accepted().body(Map.of("status", "pending", "message", ACCEPTED));
	}

	@GetMapping("/{token}")
	@Operation(summary = "Read a subscription with its manage token")
	SubscriptionView read(@PathVariable String token) {
		return view(subscriber(token, TokenPurpose.MANAGE));
	}

	@PutMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a profile with its manage token; applies to the next digest",
			description = "Takes what GET returns: {\"profile\": {...}} with every field of the profile "
					+ "(a field left out gets its default); email and status may be sent back as they are "
					+ "but not changed here. PATCH changes single fields.")
	SubscriptionView replace(@PathVariable String token,
			@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = SubscriptionChange.class))) byte[] json) {
		SubscriptionChange body = StrictJson.read(json, SubscriptionChange.class);
		Subscriber subscriber = subscriber(token, TokenPurpose.MANAGE);
		ProfileBody profile = body.checked(subscriber);
		this.subscriptions.updateProfile(subscriber.id(), profile.toProfile());
		return view(subscriber(token, TokenPurpose.MANAGE));
	}

	@PatchMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change some fields of a profile with its manage token",
			description = "{\"profile\": {\"minUpvotes\": 5}} changes minUpvotes and keeps the rest; "
					+ "a field that is absent or null is kept (whenEmpty \"\" is the service's default).")
	SubscriptionView change(@PathVariable String token,
			@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = SubscriptionChange.class))) byte[] json) {
		SubscriptionChange body = StrictJson.read(json, SubscriptionChange.class);
		Subscriber subscriber = subscriber(token, TokenPurpose.MANAGE);
		ProfileBody profile = body.checked(subscriber).over(ProfileBody.of(subscriber.profile()));
		this.subscriptions.updateProfile(subscriber.id(), profile.toProfile());
		return view(subscriber(token, TokenPurpose.MANAGE));
	}

	@PostMapping("/{token}/unsubscribe")
	@Operation(summary = "Unsubscribe with an unsubscribe token; idempotent")
	Map<String, String> unsubscribe(@PathVariable String token) {
		this.subscriptions.unsubscribe(subscriber(token, TokenPurpose.UNSUBSCRIBE).id());
		return Map.of("status", "unsubscribed");
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(JacksonException.class)
	ProblemDetail unreadable(JacksonException ex) {
		return StrictJson.problem(ex);
	}

	@ExceptionHandler(InvalidLinkException.class)
	ProblemDetail invalidLink() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This link does not work.");
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private Subscriber subscriber(String token, TokenPurpose purpose) {
		return this.subscriptions.subscriberFor(token, purpose).orElseThrow(InvalidLinkException::new);
	}

	private static SubscriptionView view(Subscriber subscriber) {
		return new SubscriptionView(subscriber.email(), subscriber.status(), ProfileBody.of(subscriber.profile()));
	}

	static final class InvalidLinkException extends RuntimeException {

		InvalidLinkException() {
			super(null, null, false, false);
		}

	}

	/**
	 * A sign-up.
	 *
	 * @param email the address
	 * @param profile what to receive
	 * @param website leave empty (a honeypot)
	 */
	record SignUp(@Nullable String email, ProfileBody profile, @Nullable String website) {

		SignUp {
			profile = (profile != null) ? profile : ProfileBody.of(Profile.DEFAULT);
		}

	}

	/**
	 * A profile in the API.
	 *
	 * @param interests one or two sentences
	 * @param keywords a web-search style query
	 * @param authors authors to follow
	 * @param categories arXiv categories
	 * @param cadence DAILY or WEEKLY
	 * @param weekday MONDAY to SUNDAY, for WEEKLY
	 * @param deliveryHour 0 to 23
	 * @param timeZone an IANA time zone such as Europe/Paris
	 * @param papersPerDigest 1 to 50
	 * @param minUpvotes only papers with at least this many upvotes (0: no minimum)
	 * @param whenEmpty SKIP or TRENDING: what to send when nothing matched in a period;
	 * null for the service's default
	 */
	record ProfileBody(@Nullable String interests, @Nullable String keywords, @Nullable List<String> authors,
			@Nullable List<String> categories, @Nullable String cadence, @Nullable String weekday,
			@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest,
			@Nullable Integer minUpvotes, @Nullable String whenEmpty) {

		/** This body's fields, and where one is null, the other's. */
		ProfileBody over(ProfileBody current) {
			return new ProfileBody(or(this.interests, current.interests), or(this.keywords, current.keywords),
					or(this.authors, current.authors), or(this.categories, current.categories),
					or(this.cadence, current.cadence), or(this.weekday, current.weekday),
					or(this.deliveryHour, current.deliveryHour), or(this.timeZone, current.timeZone),
					or(this.papersPerDigest, current.papersPerDigest), or(this.minUpvotes, current.minUpvotes),
					or(this.whenEmpty, current.whenEmpty));
		}

		private static <T> @Nullable T or(@Nullable T value, @Nullable T current) {
			return (value != null) ? value : current;
		}

		static ProfileBody of(Profile profile) {
			return new ProfileBody(profile.interests(), profile.keywords(), profile.authors(), profile.categories(),
					profile.cadence().name(), profile.weekday().name(), profile.deliveryHour(),
					profile.timeZone().getId(), profile.papersPerDigest(), profile.minUpvotes(),
					(profile.whenEmpty() != null) ? profile.whenEmpty().name() : null);
		}

		Profile toProfile() {
			return Profile.of(this.interests, this.keywords, join(this.authors, ";"), join(this.categories, ","),
					this.cadence, this.weekday, this.deliveryHour, this.timeZone, this.papersPerDigest, this.minUpvotes,
					this.whenEmpty);
		}

		private static @Nullable String join(@Nullable List<String> values, String separator) {
			if (values == null) {
				return null;
			}
			for (String value : values) {
				if (value != null && (value.contains(";") || value.contains(","))) {
					throw new InvalidInputException("list", "entries must not contain ',' or ';'");
				}
			}
			return String.join(separator, values.stream().map((value) -> (value != null) ? value : "").toList());
		}

	}

	record SubscriptionView(String email, Subscriber.Status status, ProfileBody profile) {
	}

	/**
	 * A change of a subscription: what GET returns, of which only the profile changes.
	 *
	 * @param email may be sent back; changing it is refused
	 * @param status may be sent back; pause, resume and unsubscribe change it
	 * @param profile the profile
	 */
	record SubscriptionChange(@Nullable String email, Subscriber.@Nullable Status status,
			@Nullable ProfileBody profile) {

		ProfileBody checked(Subscriber subscriber) {
			if (this.email != null && !this.email.equals(subscriber.email())) {
				throw new InvalidInputException("email", "cannot be changed; sign up with the new address");
			}
			if (this.status != null && this.status != subscriber.status()) {
				throw new InvalidInputException("status",
						"cannot be changed here; pause and resume on the preference page, or unsubscribe");
			}
			if (this.profile == null) {
				throw new InvalidInputException("profile", "is missing: send {\"profile\": {...}} as GET returns it");
			}
			return this.profile;
		}

	}

}
