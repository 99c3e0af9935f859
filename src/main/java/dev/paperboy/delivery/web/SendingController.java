package dev.paperboy.delivery.web;

import java.security.Principal;

import dev.paperboy.delivery.SendingSwitch;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pauses and resumes all sending, on every instance within seconds.
 */
@RestController
@RequestMapping("/api/v1/admin/sending")
class SendingController {

	private final SendingSwitch sending;

	SendingController(SendingSwitch sending) {
		this.sending = sending;
	}

	@GetMapping
	SendingSwitch.State state() {
		return this.sending.state();
	}

	@PostMapping("/pause")
	SendingSwitch.State pause(@Nullable Principal principal) {
		return this.sending.pause(name(principal));
	}

	@PostMapping("/resume")
	SendingSwitch.State resume(@Nullable Principal principal) {
		return this.sending.resume(name(principal));
	}

	static String name(@Nullable Principal principal) {
		return (principal != null) ? principal.getName() : "api";
	}

}
