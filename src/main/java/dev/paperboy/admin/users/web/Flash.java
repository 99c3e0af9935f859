package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AdminRequestException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a console action and says how it went in the next page's flash message.
 */
final class Flash {

	private Flash() {
	}

	static String run(RedirectAttributes flash, String redirect, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flash", success);
		}
		catch (AdminRequestException ex) {
			flash.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + redirect;
	}

}
