package dev.paperboy.ingest.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.FetchService;
import dev.paperboy.ingest.FetchWindow;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.ingest.Trigger;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API of fetching: sources, runs with their rejections, and "fetch now".
 */
@RestController
@RequestMapping("/api/v1/admin")
class FetchRunController {

	private static final int MAX_REJECTIONS_SHOWN = 1000;

	private final FetchService fetches;

	FetchRunController(FetchService fetches) {
		this.fetches = fetches;
	}

	@GetMapping("/sources")
	List<SourceView> sources() {
		return this.fetches.sources()
			.stream()
			.map((source) -> new SourceView(source.name(), source.enabled(), source.schedule()))
			.toList();
	}

	@GetMapping("/fetch-runs")
	List<FetchRun> runs(@RequestParam(required = false) @Nullable String source,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int page) {
		if (limit < 1 || limit > 500 || page < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to 500 and page 0 or more");
		}
		return this.fetches.list(source, limit, page);
	}

	@GetMapping("/fetch-runs/{id}")
	RunDetail run(@PathVariable long id) {
		FetchRun run = this.fetches.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such fetch run"));
		return new RunDetail(run, this.fetches.rejections(id, MAX_REJECTIONS_SHOWN));
	}

	@PostMapping("/sources/{name}/fetch")
	ResponseEntity<FetchRun> fetch(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		PaperSource source = this.fetches.source(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such source"));
		if (!source.enabled()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Source " + name + " is disabled in configuration");
		}
		FetchWindow window = window(from, to);
		FetchRun run = this.fetches.start(source, Trigger.MANUAL, window)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"A fetch from " + name + " is already running"));
		return ResponseEntity.accepted().location(URI.create("/api/v1/admin/fetch-runs/" + run.id())).body(run);
	}

	private static @Nullable FetchWindow window(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from == null && to == null) {
			return null;
		}
		try {
			return new FetchWindow((from != null) ? from : to, (to != null) ? to : from);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	record SourceView(String name, boolean enabled, String schedule) {
	}

	record RunDetail(@JsonUnwrapped FetchRun run, List<FetchRun.Rejection> rejections) {
	}

}
