package dev.paperboy.admin.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON, from the same service as the page.
 */
@RestController
class DashboardApi {

	private final Dashboard dashboard;

	DashboardApi(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/admin/dashboard")
	DashboardFigures dashboard(@RequestParam(defaultValue = "7") String days) {
		return this.dashboard.figures(DashboardController.parse(days));
	}

}
