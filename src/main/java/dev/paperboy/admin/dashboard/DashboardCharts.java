package dev.paperboy.admin.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.paperboy.admin.dashboard.DashboardFigures.Day;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns the figures into the page's charts: the Chart.js spec that console.js draws, a
 * one-sentence summary for the canvas' accessible name, and the same numbers as a table.
 */
final class DashboardCharts {

	// what a colour means is the same in every chart: good green, bad red, neutral grey
	private static final Map<String, String> COLORS = Map.of("New (confirmed)", "#16a34a", "Lost (unsubscribed)",
			"#dc2626", "Sent", "#2563eb", "Failed", "#dc2626", "Skipped", "#8b929c", "More like this", "#16a34a",
			"Less like this", "#d97706");

	private DashboardCharts() {
	}

	static List<Chart> of(DashboardFigures figures, JsonMapper json) {
		List<Day> days = figures.daily();
		Day total = figures.totals();
		String range = figures.from() + " to " + figures.to();
		List<Chart> charts = new ArrayList<>();

		Map<String, ToLongFunction<Day>> subscribers = new LinkedHashMap<>();
		subscribers.put("New (confirmed)", Day::newSubscribers);
		subscribers.put("Lost (unsubscribed)", Day::lostSubscribers);
		charts.add(counts("subscribers", "New and lost subscribers per day", "bar", false, subscribers, days, String
			.format(Locale.ROOT, "%s: %,d new, %,d lost", range, total.newSubscribers(), total.lostSubscribers()), json,
				(column, day) -> null));

		Map<String, ToLongFunction<Day>> papers = new LinkedHashMap<>();
		for (int i = 0; i < figures.sourceNames().size(); i++) {
			int source = i;
			papers.put(figures.sourceNames().get(i), (day) -> day.papersPerSource().get(source));
		}
		long allPapers = total.papersPerSource().stream().mapToLong(Long::longValue).sum();
		charts.add(counts(
				"papers", "New papers per source per day", "bar", true, papers, days, String.format(Locale.ROOT,
						"%s: %,d new papers from %,d sources", range, allPapers, figures.sourceNames().size()),
				json, (column, day) -> null));

		Map<String, ToLongFunction<Day>> digests = new LinkedHashMap<>();
		digests.put("Sent", Day::digestsSent);
		digests.put("Failed", Day::digestsFailed);
		digests.put("Skipped", Day::digestsSkipped);
		charts.add(counts("digests", "Digests sent, failed and skipped per day", "bar", true, digests, days,
				String.format(Locale.ROOT, "%s: %,d sent, %,d failed, %,d skipped", range, total.digestsSent(),
						total.digestsFailed(), total.digestsSkipped()),
				json,
				(column, day) -> UriComponentsBuilder.fromPath("/admin/deliveries")
					.queryParam("status", List.of("SENT", "FAILED", "SKIPPED").get(column))
					.queryParam("day", day.day())
					.toUriString()));

		Map<String, Function<Day, @Nullable Double>> rates = new LinkedHashMap<>();
		rates.put("Bounce rate", Day::bounceRate);
		rates.put("Complaint rate", Day::complaintRate);
		rates.put("Unsubscribe rate", Day::unsubscribeRate);
		charts.add(rates(rates, days,
				String.format(Locale.ROOT, "%s: bounces %s, complaints %s, unsubscribes %s", range,
						percent(total.bounceRate()), percent(total.complaintRate()), percent(total.unsubscribeRate())),
				json));

		Map<String, ToLongFunction<Day>> feedback = new LinkedHashMap<>();
		feedback.put("More like this", Day::moreLikeThis);
		feedback.put("Less like this", Day::lessLikeThis);
		charts.add(counts("feedback", "\"More / less like this\" clicks per day", "bar", false, feedback, days,
				String.format(Locale.ROOT, "%s: %,d more, %,d less", range, total.moreLikeThis(), total.lessLikeThis()),
				json, (column, day) -> null));
		return charts;
	}

	static String age(java.time.Instant then, java.time.Instant now) {
		java.time.Duration age = java.time.Duration.between(then, now);
		if (age.toDays() >= 2) {
			return age.toDays() + " d";
		}
		if (age.toHours() >= 1) {
			return age.toHours() + " h";
		}
		return Math.max(0, age.toMinutes()) + " min";
	}

	static String percent(@Nullable Double rate) {
		return (rate != null) ? String.format(Locale.ROOT, "%.2f %%", rate * 100) : "n/a";
	}

	private static Chart counts(String id, String title, String type, boolean stacked,
			Map<String, ToLongFunction<Day>> series, List<Day> days, String totals, JsonMapper json,
			BiFunction<Integer, Day, @Nullable String> link) {
		List<Map<String, Object>> datasets = new ArrayList<>();
		series.forEach((label, value) -> {
			Map<String, Object> dataset = new LinkedHashMap<>();
			dataset.put("label", label);
			dataset.put("data", days.stream().mapToLong(value).boxed().toList());
			if (COLORS.containsKey(label)) {
				dataset.put("color", COLORS.get(label));
			}
			datasets.add(dataset);
		});
		List<Row> rows = new ArrayList<>();
		for (Day day : days) {
			List<Cell> cells = new ArrayList<>();
			int column = 0;
			for (ToLongFunction<Day> value : series.values()) {
				long count = value.applyAsLong(day);
				cells.add(new Cell(Long.toString(count), (count > 0) ? link.apply(column, day) : null));
				column++;
			}
			rows.add(new Row(day.day(), cells));
		}
		return new Chart(id, title, title + ", " + totals + ".", spec(type, stacked, false, days, datasets, json),
				List.copyOf(series.keySet()), rows);
	}

	private static Chart rates(Map<String, Function<Day, @Nullable Double>> series, List<Day> days, String totals,
			JsonMapper json) {
		List<Map<String, Object>> datasets = new ArrayList<>();
		series.forEach((label, value) -> {
			List<@Nullable Double> data = new ArrayList<>();
			days.forEach((day) -> {
				Double rate = value.apply(day);
				data.add((rate != null) ? Math.round(rate * 10_000) / 100.0 : null);
			});
			datasets.add(Map.of("label", label + " (%)", "data", data));
		});
		List<Row> rows = new ArrayList<>();
		for (Day day : days) {
			rows.add(new Row(day.day(),
					series.values().stream().map((v) -> new Cell(percent(v.apply(day)), null)).toList()));
		}
		return new Chart("rates", "Bounce, complaint and unsubscribe rates per day",
				"Bounce, complaint and unsubscribe rates per day, " + totals + ".",
				spec("line", false, true, days, datasets, json), List.copyOf(series.keySet()), rows);
	}

	private static String spec(String type, boolean stacked, boolean percent, List<Day> days,
			List<Map<String, Object>> datasets, JsonMapper json) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", type);
		spec.put("labels", days.stream().map((day) -> day.day().toString().substring(5)).toList());
		spec.put("datasets", datasets);
		spec.put("stacked", stacked);
		spec.put("percent", percent);
		return json.writeValueAsString(spec);
	}

	/**
	 * A chart with its accessible text and its data as a table.
	 */
	record Chart(String id, String title, String summary, String spec, List<String> columns, List<Row> rows) {

	}

	record Row(LocalDate day, List<Cell> cells) {

	}

	record Cell(String text, @Nullable String href) {

	}

}
