package dev.paperboy.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page.
 */
@Controller
class ConsoleController {

	@GetMapping("/admin/login")
	String login() {
		return "admin/login";
	}

}
