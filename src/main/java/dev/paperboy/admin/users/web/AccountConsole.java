package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AccountService;
import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.ConsoleSettingsService;
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.Totp;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;

/**
 * Each signed-in user's own account (every role): their password and their second factor.
 * A new authenticator secret waits in the session until a code from the app proves it was
 * set up; only then is it stored.
 */
@Controller
@RequestMapping("/admin/account")
class AccountConsole {

	static final String PENDING_SECRET = AccountConsole.class.getName() + ".secret";

	private final AccountService accounts;

	private final ConsoleSettingsService settings;

	AccountConsole(AccountService accounts, ConsoleSettingsService settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@GetMapping
	String show(Authentication who, HttpSession session, Model model) {
		boolean enrolled = this.accounts.hasSecondFactor(who.getName());
		model.addAttribute("secondFactor", enrolled);
		model.addAttribute("required", this.settings.requireSecondFactor());
		if (!enrolled) {
			String secret = (session.getAttribute(PENDING_SECRET) instanceof String pending) ? pending
					: Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
			model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
			model.addAttribute("uri", Totp.uri("Paperboy", who.getName(), secret));
		}
		return "admin/account";
	}

	@PostMapping("/second-factor")
	String enrol(@RequestParam String code, Authentication who, HttpSession session, RedirectAttributes flash) {
		if (!(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
			flash.addFlashAttribute("flashError", "Open this page again to get a secret first.");
			return "redirect:/admin/account";
		}
		try {
			this.accounts.enrol(who.getName(), secret, code.strip());
			session.removeAttribute(PENDING_SECRET);
			flash.addFlashAttribute("flash",
					"Your second factor is set up: sign-ins now ask for a code from your app.");
		}
		catch (AdminRequestException ex) {
			flash.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/account";
	}

	@PostMapping("/second-factor/remove")
	String remove(@RequestParam String password, Authentication who, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/account", "Removed your second factor.",
				() -> this.accounts.removeSecondFactor(who.getName(), password));
	}

	@PostMapping("/password")
	String password(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
			Authentication who, HttpSession session, RedirectAttributes flash) {
		if (!password.equals(confirm)) {
			flash.addFlashAttribute("flashError", "The new password and its confirmation differ.");
			return "redirect:/admin/account";
		}
		// this session goes on; the user's other sessions are signed out
		return Flash.run(flash, "/admin/account", "Changed your password. Your other sessions are signed out.",
				() -> session.setAttribute(ConsoleUser.RENEWED_CREDENTIALS,
						this.accounts.changePassword(who.getName(), current, password)));
	}

}
