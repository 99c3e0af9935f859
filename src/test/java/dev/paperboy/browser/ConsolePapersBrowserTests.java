package dev.paperboy.browser;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's papers, sources and deliveries pages in a real browser: search a paper
 * and open its detail with its chart, upload a file and watch its run finish, pause and
 * resume sending. Screenshots of each page at 1280 and 390 px, light and dark.
 */
@PaperboyTest
class ConsolePapersBrowserTests {

	static final String AXE = axe();

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	final List<String> problems = new CopyOnWriteArrayList<>();

	BrowserContext context;

	Page page;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void quit() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		List<PaperRecord> papers = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			papers.add(new PaperRecord("huggingface", "2611.0000" + i,
					"Spiking neural networks on neuromorphic chips, part " + i,
					"We train spiking neural networks with surrogate gradients on neuromorphic hardware.",
					List.of("Ada Lovelace", "Grace Hopper"), List.of("cs.NE"), PaperLinks.forArxiv("2611.0000" + i),
					LocalDate.now().minusDays(i), null, 10 * i, i, List.of("snn"), null));
		}
		papers.add(new PaperRecord("arxiv", "2611.00100", "<b>Medieval</b> contract law & scaling",
				"A legal history of Venetian contracts.", List.of("Edsger Dijkstra"), List.of("cs.CY"),
				PaperLinks.forArxiv("2611.00100"), LocalDate.now(), null, null, null, List.of(), null));
		this.catalog.save(papers);
		long first = this.jdbc.sql("select id from paper where key = '2611.00008'").query(Long.class).single();
		for (int day = 14; day >= 1; day--) {
			this.jdbc
				.sql("insert into paper_popularity (paper_id, day, upvotes, comments) values (?, ?, ?, ?) "
						+ "on conflict do nothing")
				.params(first, LocalDate.now().minusDays(day), 80 - day * 5, 8 - day / 2)
				.update();
		}
		this.context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.context.setDefaultTimeout(15_000);
		this.context.route((url) -> !Chromium.isLocal(url), (route) -> {
			this.problems.add("foreign request " + route.request().url());
			route.abort("blockedbyclient");
		});
		this.page = this.context.newPage();
		this.page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				this.problems.add("console: " + message.text());
			}
		});
		this.page.onPageError((error) -> this.problems.add("page error: " + error));
		this.page.onDialog((dialog) -> dialog.accept());
		ConsoleLogin.login(this.page, base(), ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
	}

	@AfterEach
	void tearDown() {
		if (this.context != null) {
			this.context.close();
		}
		this.jdbc.sql("update sending_switch set paused = false").update();
		assertThat(this.problems).as("console errors and foreign requests").isEmpty();
	}

	@Test
	void searchesPapersAndOpensOneWithItsPopularityChart() {
		this.page.navigate(base() + "/admin/papers");
		this.page.getByLabel("Search").fill("spiking neuromorphic");
		this.page.getByLabel("Upvotes at least").fill("50");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(this.page.locator("table.papers-table tbody tr")).hasCount(4);
		assertThat(this.page.getByText("Medieval")).hasCount(0);
		screenshots("console-papers");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("part 8")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Spiking neural networks on neuromorphic chips, part 8");
		assertThat(this.page.locator("#sent-to")).hasText("0");
		assertThat(this.page.locator(".chart canvas")).isVisible();
		this.page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('.chart canvas'))");
		Object points = this.page
			.evaluate("() => Chart.getChart(document.querySelector('.chart canvas')).data.datasets[0].data.length");
		assertThat(((Number) points).intValue()).as("days in the chart").isGreaterThanOrEqualTo(14);
		screenshots("console-paper-detail");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hide from all digests")).click();
		assertThat(this.page.getByText("Hidden from every digest since")).isVisible();
		assertThat(this.jdbc.sql("select count(*) from paper where hidden_at is not null").query(Long.class).single())
			.isEqualTo(1);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show in digests again")).click();
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hide from all digests")))
			.isVisible();

		this.page.navigate(base() + "/admin/papers?q=medieval");
		assertThat(this.page.locator("table.papers-table tbody tr")).hasCount(1);
		assertThat(this.page.locator("table.papers-table")).containsText("contract law & scaling");
	}

	@Test
	void uploadsAFileAndWatchesItsRunFinish() {
		this.page.navigate(base() + "/admin/sources");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Sources and fetch runs");
		this.page.getByLabel("A Hugging Face daily papers JSON").setInputFiles(fixture("hf-daily-papers.json"));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();

		assertThat(this.page.locator("#upload-result .run-state")).hasText("succeeded");
		assertThat(this.page.locator("#upload-progress")).hasAttribute("value", "100");
		long run = this.jdbc.sql("select id from fetch_run where source = 'file'").query(Long.class).single();
		int added = this.jdbc.sql("select new_count from fetch_run where id = ?")
			.param(run)
			.query(Integer.class)
			.single();
		assertThat(added).isPositive();
		assertThat(this.page.locator("#upload-result .run-added")).hasText(String.valueOf(added));
		// a rejected record to show on the run's page
		this.jdbc
			.sql("insert into fetch_rejection (run_id, record, reason, excerpt) values (?, 'record 7', "
					+ "'title is missing', '{\"paper\": {\"id\": \"2602.00000\"}}')")
			.param(run)
			.update();

		this.page.navigate(base() + "/admin/sources");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("#" + run))).isVisible();
		screenshots("console-sources");

		this.page.navigate(base() + "/admin/fetch-runs/" + run);
		assertThat(this.page.getByText("title is missing")).isVisible();
		screenshots("console-fetch-run");
	}

	@Test
	void pausesAndResumesAllSendingFromTheDeliveriesPage() {
		long subscriber = this.subscriptions.importActive(
				EmailAddress.parse("failed@example.org").orElseThrow(), new Profile("memory", "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		SubscriberEvents.awaitHandled(this.jdbc);
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, last_error, sent_at)
				values (:s, 'sent', now(), 'SENT', 1, null, now()),
				       (:s, 'failed', now(), 'FAILED', 12, '550 5.1.1 <failed@example.org>: no such user', null),
				       (:s, 'queued', now(), 'QUEUED', 0, null, null)
				""").param("s", subscriber).update();

		this.page.navigate(base() + "/admin/deliveries");
		assertThat(this.page.locator(".switch-state")).hasText("Sending is on");
		assertThat(this.page.locator("#run-failed")).hasText("1");
		assertThat(this.page.getByText("f***@example.org")).isVisible();
		assertThat(this.page.getByText("***@example.org>: no such user")).isVisible();
		assertThat(this.page.locator("body")).not().containsText("failed@example.org");
		screenshots("console-deliveries");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause all sending")).click();
		assertThat(this.page.locator(".switch-state")).hasText("Sending is PAUSED");
		assertThat(this.jdbc.sql("select paused from sending_switch").query(Boolean.class).single()).isTrue();
		screenshots("console-deliveries-paused");

		// another operator's change shows up without a reload
		this.jdbc.sql("update sending_switch set paused = false, changed_by = 'someone else'").update();
		assertThat(this.page.locator(".switch-state")).hasText("Sending is on");
		this.jdbc.sql("update sending_switch set paused = true").update();
		assertThat(this.page.locator(".switch-state")).hasText("Sending is PAUSED");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume sending")).click();
		assertThat(this.page.locator(".switch-state")).hasText("Sending is on");
		assertThat(this.jdbc.sql("select paused from sending_switch").query(Boolean.class).single()).isFalse();

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry failed (1)")).click();
		assertThat(this.page.getByText("1 failed digest queued again.")).isVisible();
		assertThat(this.jdbc.sql("select count(*) from digest where status = 'FAILED'").query(Long.class).single())
			.isZero();
	}

	@Test
	void followsTheDashboardToADaysFailedDigestsAndThePapersWithoutAVector(@Autowired DigestStatistics digests) {
		long subscriber = this.subscriptions.importActive(
				EmailAddress.parse("failed@example.org").orElseThrow(), new Profile("memory", "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		SubscriberEvents.awaitHandled(this.jdbc);
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, last_error, sent_at)
				values (:s, 'sent', now(), 'SENT', 1, null, now()),
				       (:s, 'failed', now(), 'FAILED', 12, '550 5.1.1 <failed@example.org>: no such user', null)
				""").param("s", subscriber).update();
		assertThat(digests.rollUp()).isTrue();

		this.page.navigate(base() + "/admin");
		this.page.locator("[data-figure=digests-failed]").click();
		assertThat(this.page.locator("h1")).hasText("Digests failed");
		assertThat(this.page.locator("[data-figure=digests-failed] .value")).hasText("1");
		assertThat(this.page.getByText("f***@example.org")).isVisible();
		screenshots("console-deliveries-failed");

		this.page.navigate(base() + "/admin");
		this.page.locator("[data-figure=embeddings-pending]").click();
		assertThat(this.page.locator("h1")).hasText("Papers waiting for a vector");
		assertThat(this.page.locator("[data-figure=embeddings-pending] .value")).hasText("9");
		assertThat(this.page.getByText("<b>Medieval</b> contract law & scaling")).isVisible();
		screenshots("console-papers-pending");
	}

	// 1280 and 390 px, light and dark; back at 1280 light after.
	private void screenshots(String name) {
		for (int width : new int[] { 1280, 390 }) {
			for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
				this.page.setViewportSize(width, 900);
				this.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
				// charts take their colours from the theme when drawn
				this.page.evaluate("() => document.dispatchEvent(new CustomEvent('paperboy:theme'))");
				this.page.waitForTimeout(150);
				if (width == 1280) {
					assertThat(accessibilityViolations()).as(name + " in " + scheme + ": serious or critical")
						.isEmpty();
				}
				Object scroll = this.page.evaluate("() => document.documentElement.scrollWidth");
				assertThat(((Number) scroll).intValue()).as(name + " at " + width + ": nothing scrolls sideways")
					.isLessThanOrEqualTo(width);
				this.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(Chromium.SCREENSHOTS.resolve(
							name + "-" + width + "-" + scheme.name().toLowerCase(java.util.Locale.ROOT) + ".png")));
			}
		}
		this.page.setViewportSize(1280, 900);
		this.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
	}

	// axe-core's serious and critical findings (evaluated through the DevTools protocol,
	// which the page's Content-Security-Policy does not govern)
	@SuppressWarnings("unchecked")
	private List<String> accessibilityViolations() {
		if (!Boolean.TRUE.equals(this.page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			this.page.evaluate(AXE + "\n;undefined");
		}
		return (List<String>) this.page.evaluate("""
				async () => {
				  const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
				  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
				}""");
	}

	private static Path fixture(String name) {
		return Path.of("src/test/resources/fixtures", name);
	}

	private static String axe() {
		try (java.io.InputStream in = ConsolePapersBrowserTests.class
			.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException | NullPointerException ex) {
			throw new IllegalStateException("axe-core is not on the test class path", ex);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
