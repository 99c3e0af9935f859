package dev.paperboy.papers.web;

import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperPage;
import dev.paperboy.papers.PaperQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A public page to browse and search the catalog; every paper text goes out escaped.
 */
@Controller
class PaperPageController {

	private static final int PAGE_SIZE = 20;

	private final PaperCatalog catalog;

	PaperPageController(PaperCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/papers")
	String papers(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String text = (q != null && q.length() <= 500) ? q : null;
		PaperPage results = this.catalog.search(new PaperQuery(text, null, null, PAGE_SIZE, Math.max(0, page)));
		model.addAttribute("q", (text != null) ? text : "");
		model.addAttribute("results", results);
		model.addAttribute("hasNext", (long) (results.page() + 1) * results.limit() < results.total());
		return "public/papers";
	}

}
