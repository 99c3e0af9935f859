package dev.paperboy.delivery.suppression;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.paperboy.delivery.Suppressions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The suppression list in the admin API, through the same {@link Suppressions} as the
 * console: {@code GET /api/v1/admin/suppressions?q=&after=&limit=},
 * {@code POST /api/v1/admin/suppressions} ({@code {"address", "reason"}}), {@code DELETE
 * /api/v1/admin/suppressions/{address or hash}?reason=}.
 */
@RestController
@RequestMapping("/api/v1/admin/suppressions")
class SuppressionApi {

	private final Suppressions suppressions;

	SuppressionApi(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	/**
	 * A manual suppression.
	 *
	 * @param address the address
	 * @param reason why
	 */
	record Addition(@Nullable String address, @Nullable String reason) {
	}

	@GetMapping
	Suppressions.Page list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "50") int limit) {
		return this.suppressions.page(q, after, limit);
	}

	@GetMapping("/{hash}/changes")
	Map<String, Object> changes(@PathVariable String hash) {
		return Map.of("hash", hash, "changes", this.suppressions.changes(hash));
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> add(@RequestBody Addition addition, Principal principal) {
		String hash = this.suppressions.add(nonNull(addition.address()), nonNull(addition.reason()),
				principal.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("hash", hash);
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	@DeleteMapping("/{key}")
	ResponseEntity<?> remove(@PathVariable String key, @RequestParam(defaultValue = "") String reason,
			Principal principal) {
		if (!this.suppressions.remove(key, reason, principal.getName())) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "not on the suppression list"));
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(Suppressions.InvalidInput.class)
	ProblemDetail invalid(Suppressions.InvalidInput ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				SuppressionConsole.message(ex));
		problem.setTitle("Invalid suppression request");
		problem.setProperty("field", ex.field());
		return problem;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
