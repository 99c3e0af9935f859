package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.Role;
import dev.paperboy.admin.users.UserAdministration;

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
 * The console's users page (ADMIN): list, create, change role, disable, reset password or
 * second factor, delete.
 */
@Controller
@RequestMapping("/admin/users")
class UsersConsole {

	static final int PAGE_SIZE = 50;

	private final UserAdministration users;

	UsersConsole(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("users", this.users.list(PageRequest.of(Math.max(0, Math.min(page, 1000)), PAGE_SIZE,
				Sort.by(Sort.Order.asc("username").ignoreCase()))));
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam Role role, @RequestParam String password,
			RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", "Created " + username + ".",
				() -> this.users.create(username.strip(), role, password));
	}

	@PostMapping("/{id}/role")
	String role(@PathVariable long id, @RequestParam Role role, Authentication who, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", "Changed the role.",
				() -> this.users.changeRole(who.getName(), id, role));
	}

	@PostMapping("/{id}/enabled")
	String enabled(@PathVariable long id, @RequestParam boolean enabled, Authentication who, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", enabled ? "Enabled the user." : "Disabled the user.",
				() -> this.users.setEnabled(who.getName(), id, enabled));
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @RequestParam String password, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", "Set a new password.", () -> this.users.resetPassword(id, password));
	}

	@PostMapping("/{id}/second-factor/remove")
	String removeSecondFactor(@PathVariable long id, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", "Removed the second factor.", () -> this.users.removeSecondFactor(id));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Authentication who, RedirectAttributes flash) {
		return Flash.run(flash, "/admin/users", "Deleted the user.", () -> this.users.delete(who.getName(), id));
	}

}
