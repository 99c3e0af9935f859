package dev.paperboy.admin.papers;

import java.time.LocalDate;
import java.util.Map;

import dev.paperboy.admin.papers.PaperDetails.PaperDetail;
import dev.paperboy.papers.EntryPage;
import dev.paperboy.papers.PaperCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API of papers: search with filters, detail, hide and show again.
 */
@RestController
@RequestMapping("/api/v1/admin/papers")
class PaperAdminController {

	private final PaperCatalog catalog;

	private final PaperDetails details;

	PaperAdminController(PaperCatalog catalog, PaperDetails details) {
		this.catalog = catalog;
		this.details = details;
	}

	@GetMapping
	EntryPage search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer minUpvotes, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int limit) {
		return this.catalog.entries(PaperDetails.query(q, source, from, to, minUpvotes, page, limit));
	}

	@GetMapping("/{id}")
	PaperDetail paper(@PathVariable long id) {
		return this.details.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paper"));
	}

	@PostMapping("/{id}/hide")
	Map<String, Object> hide(@PathVariable long id) {
		return change(id, true);
	}

	@PostMapping("/{id}/unhide")
	Map<String, Object> unhide(@PathVariable long id) {
		return change(id, false);
	}

	private Map<String, Object> change(long id, boolean hidden) {
		if (!this.catalog.hide(id, hidden)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paper");
		}
		return Map.of("id", id, "hidden", hidden);
	}

}
