package dev.paperboy.admin.config;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /admin/config} and {@code GET /api/v1/admin/config}: the effective
 * configuration, read-only, secrets masked (ADMIN only, by the access table).
 */
@Controller
class ConfigConsole {

	private final EffectiveConfiguration configuration;

	ConfigConsole(EffectiveConfiguration configuration) {
		this.configuration = configuration;
	}

	@GetMapping("/admin/config")
	String page(Model model) {
		List<EffectiveConfiguration.Property> properties = this.configuration.properties();
		model.addAttribute("paperboy", properties.stream().filter((p) -> p.name().startsWith("paperboy.")).toList());
		model.addAttribute("spring", properties.stream().filter((p) -> !p.name().startsWith("paperboy.")).toList());
		return "admin/config/index";
	}

	@GetMapping("/api/v1/admin/config")
	@ResponseBody
	Map<String, Object> api() {
		return Map.of("properties", this.configuration.properties());
	}

}
