package dev.paperboy.papers.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;

import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperPage;
import dev.paperboy.papers.PaperQuery;
import dev.paperboy.papers.Popularity;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public read API of the catalog.
 */
@RestController
@RequestMapping("/api/v1/papers")
class PaperController {

	private final PaperCatalog catalog;

	PaperController(PaperCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	PaperPage search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int page) {
		if (q != null && q.length() > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q must be at most 500 characters");
		}
		try {
			return this.catalog.search(new PaperQuery(q, from, to, limit, page));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	// Old-style arXiv ids contain a slash (hep-th/9901001), so the key is the rest of the
	// path.
	@GetMapping("/{*key}")
	PaperDetail paper(@PathVariable String key) {
		Paper paper = this.catalog.find(key.substring(1))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paper"));
		return new PaperDetail(paper, this.catalog.popularity(paper.key()));
	}

	/**
	 * A paper with its popularity history.
	 *
	 * @param paper the paper
	 * @param popularity daily readings, oldest first
	 */
	record PaperDetail(@JsonUnwrapped Paper paper, List<Popularity> popularity) {

	}

}
