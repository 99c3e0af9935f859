package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.ConsoleSettingsService;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's settings over the admin API (ADMIN).
 */
@RestController
class SettingsApi {

	private final ConsoleSettingsService settings;

	SettingsApi(ConsoleSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/api/v1/admin/settings")
	Settings show() {
		return new Settings(this.settings.requireSecondFactor());
	}

	@PutMapping("/api/v1/admin/settings")
	Settings save(@RequestBody Change body) {
		if (body.requireSecondFactor() == null) {
			throw new AdminRequestException(400, "requireSecondFactor is required");
		}
		this.settings.setRequireSecondFactor(body.requireSecondFactor());
		return show();
	}

	record Settings(boolean requireSecondFactor) {
	}

	record Change(@Nullable Boolean requireSecondFactor) {
	}

}
