package dev.paperboy.browser;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.delivery.BounceStatistics;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriberStatistics;
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
 * The console's dashboard in a real browser: signed in as the admin, every chart is drawn
 * with data, the range switch swaps the charts for another range, and nothing breaks the
 * page's Content-Security-Policy. Screenshots at 1280 and 390 px, light and dark.
 */
@PaperboyTest
class DashboardBrowserTests {

	static Chromium.Launched chromium;

	// every canvas has a chart, and the chart put pixels on it
	static final String CHARTS_DRAWN = """
			() => {
			  const canvases = [...document.querySelectorAll('canvas[data-chart]')];
			  return canvases.length > 0 && canvases.every((c) => {
			    const chart = Chart.getChart(c);
			    return chart && c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0);
			  });
			}""";

	// the first chart shows this many days
	static final String LABELS = """
			(days) => {
			  const canvas = document.querySelector('canvas[data-chart]');
			  const chart = canvas && Chart.getChart(canvas);
			  return !!chart && chart.data.labels.length === days;
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final List<String> errors = new CopyOnWriteArrayList<>();

	BrowserContext context;

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
	void ninetyDays(@Autowired SubscriptionService subscriptions, @Autowired SubscriberStatistics subscribers,
			@Autowired DigestStatistics digests, @Autowired BounceStatistics bounces) {
		DatabaseCleaner.clean(this.jdbc);
		for (int i = 0; i < 12; i++) {
			subscriptions.importActive(
					EmailAddress.parse("reader-" + i + "@example.org").orElseThrow(), new Profile("", "", List.of(),
							List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3),
					List.of(), new ClientInfo("127.0.0.1", "test"));
		}
		SubscriberEvents.awaitHandled(this.jdbc);
		// 90 days of figures as the rollup jobs left them
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int back = 89; back >= 2; back--) {
			LocalDate day = today.minusDays(back);
			int wave = (int) (40 + 25 * Math.sin(back / 6.0));
			this.jdbc
				.sql("""
						insert into subscriber_daily (day, confirmed, unsubscribed, subscribed, more_like_this, less_like_this)
						values (?, ?, ?, ?, ?, ?)""")
				.params(Date.valueOf(day), wave / 4, back % 5, 1000 + (89 - back) * 8, wave, wave / 3)
				.update();
			this.jdbc.sql("""
					insert into digest_daily (day, composed, sent, failed, skipped, suppressed, waiting)
					values (?, ?, ?, ?, ?, 0, 0)""")
				.params(Date.valueOf(day), 1000 + wave, 980 + wave, back % 7, 20)
				.update();
			this.jdbc.sql("insert into bounce_daily (day, hard, soft, complaints) values (?, ?, ?, ?)")
				.params(Date.valueOf(day), back % 4, back % 6, back % 9 == 0 ? 1 : 0)
				.update();
			for (String source : List.of("arxiv", "huggingface")) {
				this.jdbc.sql("""
						insert into fetch_run (source, trigger, started_at, finished_at, status, new_count)
						values (?, 'SCHEDULED', ?, ?, 'SUCCEEDED', ?)""")
					.params(source, Timestamp.from(day.atTime(6, 0).toInstant(ZoneOffset.UTC)),
							Timestamp.from(day.atTime(6, 1).toInstant(ZoneOffset.UTC)),
							source.equals("arxiv") ? wave : wave / 2)
					.update();
			}
		}
		subscribers.rollUp();
		digests.rollUp();
		bounces.rollUp();
	}

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void chartsAreDrawnWithDataAndTheRangeSwitchSwapsThem() {
		Page page = signedIn(1280, ColorScheme.LIGHT);
		page.navigate(local("/admin"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Dashboard");
		page.waitForFunction(CHARTS_DRAWN);
		assertThat(page.locator("canvas[data-chart]")).hasCount(5);
		assertThat(page.locator("canvas[role=img][aria-label]")).hasCount(5);
		assertThat(chartLabels(page)).isEqualTo(7);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("30 days")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Last 30 days"))).isVisible();
		page.waitForFunction(LABELS, 30);
		page.waitForFunction(CHARTS_DRAWN);
		assertThat(page).hasURL(local("/admin?days=30"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("30 days")))
			.hasAttribute("aria-current", "true");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("90 days")).click();
		page.waitForFunction(LABELS, 90);
		page.waitForFunction(CHARTS_DRAWN);
		assertThat(page.locator("[data-figure=state-ACTIVE] .value")).hasText("12");
		assertThat(this.errors).as("console errors").isEmpty();
	}

	@Test
	void screenshotsInBothThemesAndWidths() {
		for (int width : List.of(1280, 390)) {
			for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
				Page page = signedIn(width, scheme);
				page.navigate(local("/admin?days=30"));
				page.waitForFunction(CHARTS_DRAWN);
				String name = "console-dashboard-" + width + "-" + scheme.name().toLowerCase() + ".png";
				page.screenshot(
						new Page.ScreenshotOptions().setFullPage(true).setPath(Chromium.SCREENSHOTS.resolve(name)));
				this.context.close();
				this.context = null;
			}
		}
		assertThat(this.errors).as("console errors").isEmpty();
	}

	private Page signedIn(int width, ColorScheme scheme) {
		this.context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setColorScheme(scheme));
		this.context.setDefaultTimeout(10_000);
		this.context.route((url) -> !Chromium.isLocal(url), (route) -> route.abort("blockedbyclient"));
		Page page = this.context.newPage();
		page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				this.errors.add(message.text());
			}
		});
		page.onPageError((error) -> this.errors.add(error));
		ConsoleLogin.login(page, local(""), ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		return page;
	}

	private static int chartLabels(Page page) {
		return ((Number) page
			.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart]')).data.labels.length"))
			.intValue();
	}

	private String local(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
