package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.ConsoleSettingsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's settings (ADMIN): whether everyone must have a second factor.
 */
@Controller
class SettingsConsole {

	private final ConsoleSettingsService settings;

	SettingsConsole(ConsoleSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/admin/settings")
	String show(Model model) {
		model.addAttribute("requireSecondFactor", this.settings.requireSecondFactor());
		return "admin/settings";
	}

	@PostMapping("/admin/settings")
	String save(@RequestParam(defaultValue = "false") boolean requireSecondFactor, RedirectAttributes flash) {
		this.settings.setRequireSecondFactor(requireSecondFactor);
		flash.addFlashAttribute("flash",
				requireSecondFactor ? "Everyone now needs a second factor: users without one are asked to set it up."
						: "A second factor is now optional.");
		return "redirect:/admin/settings";
	}

}
