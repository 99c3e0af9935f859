package dev.paperboy.subscription.web;

import java.io.IOException;

import dev.paperboy.subscription.InvalidInputException;

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

import jakarta.servlet.http.HttpServletRequest;

/**
 * The console's CSV import: upload, then a page that follows the run live and ends with
 * its per-line report.
 */
@Controller
class SubscriberImportConsole {

	private final SubscriberImports imports;

	SubscriberImportConsole(SubscriberImports imports) {
		this.imports = imports;
	}

	@GetMapping("/admin/subscribers/import")
	String form(Model model) {
		model.addAttribute("columns", SubscriberImports.COLUMNS);
		return "admin/subscribers/import";
	}

	@PostMapping("/admin/subscribers/import")
	String upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "is missing: choose a CSV file");
			}
			ImportRun run = this.imports.start(CsvUpload.text(file.getBytes()), Requests.client(request));
			return "redirect:/admin/subscribers/import/" + run.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", "The " + ex.getMessage() + ".");
			return "redirect:/admin/subscribers/import";
		}
	}

	@GetMapping("/admin/subscribers/import/{id}")
	String run(@PathVariable String id, Model model) {
		model.addAttribute("run", progress(id));
		return "admin/subscribers/import-run";
	}

	@GetMapping("/admin/subscribers/import/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("run", progress(id));
		return "admin/subscribers/import-run :: progress";
	}

	private ImportRun.Progress progress(String id) {
		return this.imports.find(id)
			.map(ImportRun::progress)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such import"));
	}

}
