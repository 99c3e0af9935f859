package dev.paperboy.admin.dashboard;

import java.util.HashMap;
import java.util.Map;

import dev.paperboy.ingest.FetchStatistics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's home: the dashboard over 7, 30 or 90 days, and its range section alone
 * for htmx's range switch.
 */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final JsonMapper json;

	DashboardController(Dashboard dashboard, JsonMapper json) {
		this.dashboard = dashboard;
		this.json = json;
	}

	@GetMapping("/admin")
	String dashboard(@RequestParam(defaultValue = "7") String days, Model model) {
		fill(model, days);
		return "admin/dashboard";
	}

	@GetMapping("/admin/dashboard/range")
	String range(@RequestParam(defaultValue = "7") String days, Model model) {
		fill(model, days);
		return "admin/dashboard :: range";
	}

	private void fill(Model model, String days) {
		DashboardFigures figures = this.dashboard.figures(parse(days));
		model.addAttribute("figures", figures);
		model.addAttribute("charts", DashboardCharts.of(figures, this.json));
		model.addAttribute("ranges", Dashboard.RANGES.stream().sorted().toList());
		model.addAttribute("rates",
				Map.of("bounce", DashboardCharts.percent(figures.totals().bounceRate()), "complaint",
						DashboardCharts.percent(figures.totals().complaintRate()), "unsubscribe",
						DashboardCharts.percent(figures.totals().unsubscribeRate())));
		Map<String, String> ages = new HashMap<>();
		for (FetchStatistics.SourceHealth source : figures.sources()) {
			if (source.lastStarted() != null) {
				ages.put(source.source(), DashboardCharts.age(source.lastStarted(), figures.generatedAt()));
			}
		}
		model.addAttribute("ages", ages);
	}

	static int parse(String days) {
		if (!days.matches("7|30|90")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be 7, 30 or 90");
		}
		return Integer.parseInt(days);
	}

}
