package dev.paperboy.delivery.suppression;

import java.security.Principal;
import java.util.List;

import dev.paperboy.delivery.Suppressions;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/suppressions}: the list, newest first, a page at a time; a search by
 * whole address or hash; adding and removing an address with a reason (OPERATOR).
 */
@Controller
@RequestMapping("/admin/suppressions")
class SuppressionConsole {

	static final int PAGE_SIZE = 50;

	private final Suppressions suppressions;

	SuppressionConsole(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, Model model, HttpServletResponse response) {
		model.addAttribute("q", (q != null) ? q : "");
		try {
			Suppressions.Page page = this.suppressions.page(q, after, PAGE_SIZE);
			model.addAttribute("page", page);
			if (q != null && !q.isBlank() && page.entries().size() == 1) {
				model.addAttribute("changes", this.suppressions.changes(page.entries().get(0).hash()));
			}
		}
		catch (Suppressions.InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", new Suppressions.Page(List.of(), null));
			model.addAttribute("searchError", "Search for a whole address, or an entry's 64-character hash: "
					+ "the list keeps only hashes, so part of an address finds nothing.");
		}
		model.addAttribute("first", after == null || after.isBlank());
		return "admin/suppressions/list";
	}

	@PostMapping
	String add(@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String reason,
			Principal principal, RedirectAttributes redirect) {
		try {
			String hash = this.suppressions.add(address, reason, principal.getName());
			redirect.addFlashAttribute("flash", "Suppressed: no email will go to that address.");
			redirect.addAttribute("q", hash);
		}
		catch (Suppressions.InvalidInput ex) {
			redirect.addFlashAttribute("flashError", "Not added: " + message(ex) + ".");
		}
		return "redirect:/admin/suppressions";
	}

	@PostMapping("/remove")
	String remove(@RequestParam(defaultValue = "") String hash, @RequestParam(defaultValue = "") String reason,
			Principal principal, RedirectAttributes redirect) {
		try {
			boolean removed = this.suppressions.remove(hash, reason, principal.getName());
			redirect.addFlashAttribute(removed ? "flash" : "flashError",
					removed ? "Removed from the list: mail may reach that address again."
							: "That entry is not on the list (any more).");
		}
		catch (Suppressions.InvalidInput ex) {
			redirect.addFlashAttribute("flashError", "Not removed: " + message(ex) + ".");
			redirect.addAttribute("q", hash);
		}
		return "redirect:/admin/suppressions";
	}

	static String message(Suppressions.InvalidInput ex) {
		return "the " + ex.getMessage();
	}

}
