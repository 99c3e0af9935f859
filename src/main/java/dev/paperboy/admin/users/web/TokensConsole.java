package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.ApiTokenService;
import dev.paperboy.admin.users.ApiTokenService.CreatedToken;
import dev.paperboy.admin.users.Role;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's API tokens page (ADMIN): list, create (the token is shown once, on the
 * page after), revoke.
 */
@Controller
@RequestMapping("/admin/tokens")
class TokensConsole {

	private final ApiTokenService tokens;

	TokensConsole(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model, Authentication who) {
		model.addAttribute("tokens", this.tokens.list(PageRequest.of(Math.max(0, Math.min(page, 1000)), 50,
				Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))));
		model.addAttribute("roles", Role.values());
		return "admin/tokens";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam Role role, Authentication who, RedirectAttributes flash) {
		Actor actor = Actor.of(who);
		try {
			CreatedToken created = this.tokens.create(actor.name(), actor.role(), name, role);
			// a flash attribute lives in the session until the next page: shown once
			flash.addFlashAttribute("createdToken", created.token());
			flash.addFlashAttribute("flash",
					"Created the token " + created.view().name() + ". Copy it now: it is not shown again.");
		}
		catch (AdminRequestException ex) {
			flash.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/tokens", "Revoked the token.", () -> this.tokens.revoke(id));
	}

}
