package dev.paperboy.admin.papers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.admin.papers.PaperDetails.PaperDetail;
import dev.paperboy.matching.TextEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperStatistics;
import dev.paperboy.papers.Popularity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's papers pages: search, detail, hide and show again (the same services as
 * {@link PaperAdminController}).
 */
@Controller
@RequestMapping("/admin/papers")
class PaperConsole {

	static final int PENDING_SHOWN = 100;

	private final PaperCatalog catalog;

	private final PaperDetails details;

	private final JsonMapper json;

	private final PaperStatistics statistics;

	private final TextEmbedder embedder;

	PaperConsole(PaperCatalog catalog, PaperDetails details, JsonMapper json, PaperStatistics statistics,
			TextEmbedder embedder) {
		this.catalog = catalog;
		this.details = details;
		this.json = json;
		this.statistics = statistics;
		this.embedder = embedder;
	}

	@GetMapping
	String search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer minUpvotes, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String embedding, Model model) {
		if (embedding != null) {
			return pendingEmbeddings(embedding, model);
		}
		model.addAttribute("q", q);
		model.addAttribute("source", source);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("minUpvotes", minUpvotes);
		try {
			model.addAttribute("results", this.catalog
				.entries(PaperDetails.query(q, source, from, to, minUpvotes, page, PaperDetails.PAGE_SIZE)));
		}
		catch (ResponseStatusException ex) {
			model.addAttribute("flashError", ex.getReason());
		}
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/papers");
		Map<String, @Nullable Object> filters = new LinkedHashMap<>();
		filters.put("q", q);
		filters.put("source", source);
		filters.put("from", from);
		filters.put("to", to);
		filters.put("minUpvotes", minUpvotes);
		filters.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				base.queryParam(name, value);
			}
		});
		model.addAttribute("base", base.encode().build().toUriString());
		return "admin/papers/list";
	}

	// The papers waiting for a vector: the dashboard's capped count, read the same way,
	// and the newest of them.
	private String pendingEmbeddings(String embedding, Model model) {
		if (!"pending".equals(embedding)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "embedding must be 'pending'");
		}
		String vectors = this.embedder.model();
		model.addAttribute("embeddingModel", vectors);
		model.addAttribute("pendingCount",
				this.statistics.embeddingsPending(vectors, PaperStatistics.EMBEDDINGS_PENDING_CAP));
		model.addAttribute("pendingCap", PaperStatistics.EMBEDDINGS_PENDING_CAP);
		model.addAttribute("pending", this.statistics.embeddingsPendingPapers(vectors, PENDING_SHOWN));
		model.addAttribute("pendingShown", PENDING_SHOWN);
		return "admin/papers/pending";
	}

	@GetMapping("/{id}")
	String paper(@PathVariable long id, Model model) {
		PaperDetail detail = this.details.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paper"));
		model.addAttribute("detail", detail);
		model.addAttribute("paper", detail.entry().paper());
		model.addAttribute("chart", chart(detail.popularity()));
		return "admin/papers/detail";
	}

	@PostMapping("/{id}/hide")
	String hide(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, true, redirect);
	}

	@PostMapping("/{id}/unhide")
	String unhide(@PathVariable long id, RedirectAttributes redirect) {
		return change(id, false, redirect);
	}

	private String change(long id, boolean hidden, RedirectAttributes redirect) {
		if (!this.catalog.hide(id, hidden)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paper");
		}
		redirect.addFlashAttribute("flash",
				hidden ? "Hidden from every digest." : "Shown again: digests may carry it.");
		return "redirect:/admin/papers/" + id;
	}

	// Chart.js's configuration as console.js reads it from data-chart.
	private @Nullable String chart(List<Popularity> popularity) {
		if (popularity.isEmpty()) {
			return null;
		}
		List<String> labels = new ArrayList<>();
		List<Integer> upvotes = new ArrayList<>();
		List<@Nullable Integer> comments = new ArrayList<>();
		for (Popularity reading : popularity) {
			labels.add(reading.day().toString());
			upvotes.add(reading.upvotes());
			comments.add(reading.comments());
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "line");
		chart.put("labels", labels);
		chart.put("datasets",
				List.of(Map.of("label", "Upvotes", "data", upvotes), Map.of("label", "Comments", "data", comments)));
		return this.json.writeValueAsString(chart);
	}

}
