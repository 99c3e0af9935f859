package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.SavedViewService;
import dev.paperboy.admin.users.SavedViewService.View;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved views (every role, each user their own): save the current page's search under a
 * name; list a page's views as links, a fragment any page can load
 * ({@code hx-get="/admin/views?page=subscribers"}).
 */
@Controller
class SavedViewsController {

	private final SavedViewService views;

	SavedViewsController(SavedViewService views) {
		this.views = views;
	}

	@GetMapping("/admin/views")
	String list(@RequestParam String page, Authentication who, Model model) {
		try {
			model.addAttribute("views", this.views.list(who.getName(), page));
		}
		catch (AdminRequestException ex) {
			model.addAttribute("views", java.util.List.of());
		}
		return "admin/views :: list";
	}

	@PostMapping("/admin/views")
	String save(@RequestParam String page, @RequestParam String name, @RequestParam(defaultValue = "") String query,
			Authentication who, RedirectAttributes flash) {
		try {
			View view = this.views.save(who.getName(), page, name, query);
			flash.addFlashAttribute("flash", "Saved the view " + view.name() + ".");
			return "redirect:" + view.href();
		}
		catch (AdminRequestException ex) {
			flash.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/admin";
		}
	}

}
