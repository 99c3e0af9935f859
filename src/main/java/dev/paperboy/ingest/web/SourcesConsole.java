package dev.paperboy.ingest.web;

import java.io.IOException;
import java.util.List;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.FetchService;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's sources and fetch runs: each source with its last run, the runs with
 * their rejected records, "fetch now" and file upload (the same services as
 * {@link FetchRunController} and {@link ImportController}).
 */
@Controller
class SourcesConsole {

	static final int RUNS_PER_PAGE = 25;

	static final int REJECTIONS_SHOWN = 1000;

	private final FetchService fetches;

	private final FileImporter importer;

	SourcesConsole(FetchService fetches, FileImporter importer) {
		this.fetches = fetches;
		this.importer = importer;
	}

	@GetMapping("/admin/sources")
	String sources(@RequestParam(required = false) @Nullable String source, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (page < 0 || page > 10_000 || (source != null && source.length() > 100)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 0 to 10000, source up to 100 characters");
		}
		// fetch_run_source_idx: one row per source
		List<SourceRow> sources = this.fetches.sources()
			.stream()
			.map((s) -> new SourceRow(s, this.fetches.list(s.name(), 1, 0).stream().findFirst().orElse(null)))
			.toList();
		model.addAttribute("sources", sources);
		model.addAttribute("source", source);
		model.addAttribute("page", page);
		// fetch_run_started_idx; one row past the page tells whether another follows
		model.addAttribute("runs", this.fetches.list(source, RUNS_PER_PAGE, page));
		model.addAttribute("hasNext", !this.fetches.list(source, 1, (page + 1) * RUNS_PER_PAGE).isEmpty());
		return "admin/sources/list";
	}

	@GetMapping("/admin/fetch-runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("run", found(id));
		model.addAttribute("rejections", this.fetches.rejections(id, REJECTIONS_SHOWN));
		return "admin/sources/run";
	}

	@GetMapping("/admin/fetch-runs/{id}/status")
	String status(@PathVariable long id, Model model) {
		model.addAttribute("run", found(id));
		return "admin/sources/run :: status";
	}

	@PostMapping("/admin/sources/{name}/fetch")
	String fetch(@PathVariable String name, RedirectAttributes redirect) {
		PaperSource source = this.fetches.source(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such source"));
		if (!source.enabled()) {
			redirect.addFlashAttribute("flashError", "Source " + name + " is disabled in configuration.");
			return "redirect:/admin/sources";
		}
		return this.fetches.start(source, Trigger.MANUAL, null).map((run) -> {
			redirect.addFlashAttribute("flash", "Fetching from " + name + " now.");
			return "redirect:/admin/fetch-runs/" + run.id();
		}).orElseGet(() -> {
			redirect.addFlashAttribute("flashError", "A fetch from " + name + " is already running.");
			return "redirect:/admin/sources";
		});
	}

	// Answers htmx with the run's live status, which then refreshes itself until done.
	@PostMapping("/admin/sources/upload")
	String upload(@RequestParam(value = "file", required = false) @Nullable MultipartFile file, Model model)
			throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "Choose a file that is not empty.");
			return "admin/sources/run :: upload-error";
		}
		model.addAttribute("run", Uploads.begin(this.importer, file));
		return "admin/sources/run :: status";
	}

	private FetchRun found(long id) {
		return this.fetches.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such fetch run"));
	}

	/**
	 * A source with its last run.
	 *
	 * @param source the source
	 * @param last its last run, if any
	 */
	record SourceRow(PaperSource source, @Nullable FetchRun last) {

	}

}
