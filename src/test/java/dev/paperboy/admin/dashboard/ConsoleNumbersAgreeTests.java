package dev.paperboy.admin.dashboard;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.ConsoleClient;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.ScriptedSmtpConfiguration;
import dev.paperboy.delivery.BounceStatistics;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriberStatistics;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number on the dashboard that links somewhere is the number on the page it links
 * to: the test reads the dashboard, follows each tile and each linked cell of its tables,
 * and compares the figures marked {@code data-figure} on both pages. The data is made
 * through the real flows (as in {@link DashboardTests}); after the rollup some things
 * change again, so a page that counted live rows instead of reading the dashboard's
 * rollup would show another number.
 */
@PaperboyTest
@Import({ ScriptedSmtpConfiguration.class, EmptyOutboxFirst.class, DashboardScenario.class })
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=2")
@DirtiesContext
class ConsoleNumbersAgreeTests {

	private static final Pattern TILE = Pattern
		.compile("<a class=\"stat\" href=\"([^\"]*)\" data-figure=\"([^\"]+)\">(.*?)</a>", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardScenario scenario;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	SubscriberStatistics subscriberStatistics;

	@Autowired
	DigestStatistics digestStatistics;

	@Autowired
	BounceStatistics bounceStatistics;

	@BeforeEach
	void happenings(@Autowired PaperCatalog catalog) {
		List<Long> readers = this.scenario.play(1);
		// fetched after the embedder's pass: waiting for a vector
		catalog.save(List.of(DashboardScenario.paper("2601.00009", "A paper not embedded yet")));
		assertThat(this.subscriberStatistics.rollUp()).isTrue();
		assertThat(this.digestStatistics.rollUp()).isTrue();
		assertThat(this.bounceStatistics.rollUp()).isTrue();

		// after the rollup: live counts now differ from the dashboard's
		this.subscriptions.pause(readers.get(7));
		this.subscriptions.unsubscribe(readers.get(8));
		this.jdbc
			.sql("update digest set status = 'FAILED' where id = (select min(id) from digest where status = 'SENT')")
			.update();
	}

	@Test
	void everyLinkedNumberOnTheDashboardIsTheNumberOnItsPage() {
		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		for (int days : List.of(7, 30)) {
			String dashboard = console.get("/admin?days=" + days).body();
			Map<String, String> tiles = tiles(dashboard);
			assertThat(tiles).containsKeys("state-ACTIVE", "state-PENDING", "state-PAUSED", "state-UNSUBSCRIBED",
					"embeddings-pending", "digests-due", "new-subscribers", "lost-subscribers", "digests-sent",
					"digests-failed", "digests-skipped", "bounce-rate", "complaint-rate", "unsubscribe-rate",
					"more-like-this", "less-like-this");
			Matcher tile = TILE.matcher(dashboard);
			int followed = 0;
			while (tile.find()) {
				String href = tile.group(1).replace("&amp;", "&");
				String name = tile.group(2);
				String value = value(tile.group(3), name);
				if (href.startsWith("#")) {
					assertThat(inPage(dashboard, href.substring(1), name)).as(name + " in " + href).isEqualTo(value);
				}
				else {
					HttpResponse<String> page = console.get(href);
					assertThat(page.statusCode()).as(href).isEqualTo(200);
					assertThat(figure(page.body(), name)).as(name + " on " + href).isEqualTo(value);
					followed++;
				}
			}
			assertThat(followed).as("tiles that lead to another page").isEqualTo(9);
		}
		String dashboard = console.get("/admin?days=7").body();
		Map<String, String> tiles = tiles(dashboard);
		assertThat(tiles).containsEntry("state-ACTIVE", "10")
			.containsEntry("state-PAUSED", "1")
			.containsEntry("digests-sent", "10")
			.containsEntry("digests-failed", "1")
			.containsEntry("digests-skipped", "1")
			.containsEntry("embeddings-pending", "1")
			.containsEntry("new-subscribers", "12");

		// the day cells of the digests table link to that day's digests of that state
		Matcher cell = Pattern.compile("<a href=\"(/admin/deliveries\\?status=(\\w+)&amp;day=[0-9-]+)\">(\\d+)</a>")
			.matcher(dashboard);
		List<String> statuses = new ArrayList<>();
		while (cell.find()) {
			String page = console.get(cell.group(1).replace("&amp;", "&")).body();
			String status = cell.group(2);
			assertThat(figure(page, "digests-" + status.toLowerCase())).as(cell.group(1)).isEqualTo(cell.group(3));
			statuses.add(status);
		}
		assertThat(statuses).containsExactlyInAnyOrder("SENT", "FAILED", "SKIPPED");

		// the source names lead to that source's papers
		Matcher source = Pattern.compile("<a href=\"(/admin/papers\\?source=([a-z]+))\">").matcher(dashboard);
		while (source.find()) {
			assertThat(console.get(source.group(1)).body())
				.contains("name=\"source\" value=\"" + source.group(2) + "\"");
		}
	}

	@Test
	void theDetailPagesApplyTheDashboardsFilter() {
		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		String paused = console.get("/admin/subscribers?state=PAUSED").body();
		assertThat(Pattern.compile(">PAUSED</span>").matcher(paused).results().count()).isEqualTo(2);
		assertThat(paused).doesNotContain(">ACTIVE</span>");

		String failed = console
			.get("/admin/deliveries?status=FAILED&day=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC))
			.body();
		assertThat(figure(failed, "digests-failed")).isEqualTo("1");
		assertThat(failed).contains("r***@example.org");
		assertThat(Pattern.compile("<td data-label=\"Digest\">").matcher(failed).results().count())
			.as("the live list: the rejected one and the one failed since the rollup")
			.isEqualTo(2);

		String pending = console.get("/admin/papers?embedding=pending").body();
		assertThat(pending).contains("A paper not embedded yet").doesNotContain("Trending paper number");
		assertThat(console.get("/admin/papers?embedding=done").statusCode()).isEqualTo(400);
		assertThat(console.get("/admin/deliveries?status=QUEUED&day=2026-12-01").statusCode()).isEqualTo(400);
		assertThat(console.get("/admin/deliveries?status=SENT&from=2026-12-02&to=2026-12-01").statusCode())
			.isEqualTo(400);
		assertThat(console.get("/admin/deliveries?status=SENT").statusCode()).isEqualTo(400);
	}

	private static Map<String, String> tiles(String html) {
		Map<String, String> tiles = new LinkedHashMap<>();
		Matcher tile = TILE.matcher(html);
		while (tile.find()) {
			tiles.put(tile.group(2), value(tile.group(3), tile.group(2)));
		}
		return tiles;
	}

	private static String value(String html, String name) {
		Matcher matcher = Pattern.compile("<span class=\"value\">([^<]*)</span>").matcher(html);
		assertThat(matcher.find()).as("value of " + name).isTrue();
		return matcher.group(1).trim().replace(",", "");
	}

	/** The figure a detail page marks with data-figure="name". */
	private static String figure(String html, String name) {
		Matcher matcher = Pattern
			.compile("data-figure=\"" + Pattern.quote(name) + "\"[^>]*>\\s*<span class=\"value\">([^<]*)</span>",
					Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("figure " + name).isTrue();
		String value = matcher.group(1).trim().replace(",", "");
		assertThat(matcher.find()).as("one figure " + name).isFalse();
		return value;
	}

	/**
	 * A tile that points into the dashboard's own chart: the sum of its table's column.
	 */
	private static String inPage(String html, String id, String name) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int end = html.indexOf("</details>", start);
		String card = html.substring(start, end);
		if (name.endsWith("-rate")) {
			// the rates over the range are in the chart's summary, in the tiles' order
			Matcher summary = Pattern
				.compile("bounces ([^,]+), complaints ([^,]+), unsubscribes ([^.<]+(?:\\.\\d+ %)?)")
				.matcher(card);
			assertThat(summary.find()).as(id + " summary").isTrue();
			return summary.group(List.of("bounce-rate", "complaint-rate", "unsubscribe-rate").indexOf(name) + 1).trim();
		}
		int column = Map.of("new-subscribers", 0, "lost-subscribers", 1, "more-like-this", 0, "less-like-this", 1)
			.get(name);
		long sum = 0;
		Matcher row = Pattern.compile("<tr>\\s*<th scope=\"row\">[0-9-]+</th>(.*?)</tr>", Pattern.DOTALL).matcher(card);
		int rows = 0;
		while (row.find()) {
			List<String> cells = Pattern.compile("<td class=\"num\">(.*?)</td>", Pattern.DOTALL)
				.matcher(row.group(1))
				.results()
				.map((cell) -> cell.group(1).replaceAll("<[^>]+>", "").trim())
				.toList();
			sum += Long.parseLong(cells.get(column));
			rows++;
		}
		assertThat(rows).as(id + " rows").isIn(7, 30);
		return Long.toString(sum);
	}

}
