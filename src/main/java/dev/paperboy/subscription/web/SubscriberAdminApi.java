package dev.paperboy.subscription.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.paperboy.subscription.BulkAction;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.SubscriberDirectory;
import dev.paperboy.subscription.SubscriberPage;
import dev.paperboy.subscription.SubscriberSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin API's side of the console's subscriber list: search, bulk actions, CSV export
 * and CSV import, through the same services as the pages.
 */
@RestController
@RequestMapping("/api/v1/admin")
class SubscriberAdminApi {

	private final SubscriberDirectory directory;

	private final SubscriberImports imports;

	SubscriberAdminApi(SubscriberDirectory directory, SubscriberImports imports) {
		this.directory = directory;
		this.imports = imports;
	}

	@GetMapping("/subscribers")
	SubscriberPage search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String in, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page) {
		return this.directory.search(SubscriberSearch.of(q, in, state, sort, page));
	}

	@PostMapping("/subscribers/bulk")
	Map<String, Object> bulk(@RequestBody BulkRequest request) {
		BulkAction action;
		try {
			action = BulkAction.valueOf(String.valueOf(request.action()).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("action", "must be pause, resume, unsubscribe or erase");
		}
		List<Long> ids = (request.ids() != null) ? request.ids() : List.of();
		int changed = this.directory.apply(action, ids);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("action", action);
		body.put("requested", ids.size());
		body.put("changed", changed);
		return body;
	}

	@GetMapping("/subscribers/export.csv")
	void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String in,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String sort, HttpServletResponse response) throws IOException {
		SubscriberCsv.export(this.directory, SubscriberSearch.of(q, in, state, sort, 0), response);
	}

	// its own collection: "/subscribers/import/{id}" would stand beside
	// "/subscribers/{id}/digest" (both match "/subscribers/import/digest")
	@PostMapping(path = "/subscriber-imports", consumes = { "text/csv", "text/plain" })
	ResponseEntity<ImportRun.Progress> importCsv(@RequestBody byte[] body, HttpServletRequest request) {
		ImportRun run = this.imports.start(CsvUpload.text(body), Requests.client(request));
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/admin/subscriber-imports/" + run.id()))
			.body(run.progress());
	}

	@GetMapping("/subscriber-imports/{id}")
	ImportRun.Progress importProgress(@PathVariable String id) {
		return this.imports.find(id)
			.map(ImportRun::progress)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such import"));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	record BulkRequest(@Nullable String action, @Nullable List<Long> ids) {

	}

}
