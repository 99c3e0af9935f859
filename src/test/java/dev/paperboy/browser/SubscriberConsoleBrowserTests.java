package dev.paperboy.browser;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.matching.PaperEmbedder;
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
 * The console's subscriber pages in a real browser: search and open a subscriber, pause
 * two at once, preview a digest, import a file and watch it finish; screenshots of each
 * page at 1280 and 390 pixels, light and dark, under {@code target/screenshots/}.
 */
@PaperboyTest
class SubscriberConsoleBrowserTests {

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	final List<String> problems = new CopyOnWriteArrayList<>();

	BrowserContext context;

	Page page;

	long ann;

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
		this.catalog.save(List.of(
				new PaperRecord("huggingface", "2611.00301", "Spiking neural networks on neuromorphic chips",
						"We train spiking neural networks on chips.", List.of("Ada Lovelace"), List.of(),
						PaperLinks.forArxiv("2611.00301"), null, null, 30, 0, List.of(), null),
				new PaperRecord("huggingface", "2611.00302", "Surrogate gradients for spiking networks",
						"Surrogate gradients train deep spiking neural networks.", List.of("Alan Turing"), List.of(),
						PaperLinks.forArxiv("2611.00302"), null, null, 5, 0, List.of(), null)));
		this.embedder.embedAll();
		this.ann = active("ann.lee@example.org", "Spiking neural networks on neuromorphic hardware");
		active("bob@example.org", "Protein folding with diffusion models");
		active("cat@example.org", "Graph neural networks for chemistry");
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, sent_at)
				values (?, '2026-11-20', now() - interval '3 days', 'SENT', 1, now() - interval '3 days')
				""").param(this.ann).update();
		this.jdbc
			.sql("""
					insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
					select d.id, d.subscriber_id, p.id, 1, 0.5, '{because}' from digest d, paper p where p.key = '2611.00301'
					""")
			.update();
		this.context = newContext(1280, 900);
		this.page = page(this.context);
		ConsoleLogin.login(this.page, base(), ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
	}

	@AfterEach
	void tearDown() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.problems).as("browser console errors (a CSP violation is one)").isEmpty();
	}

	@Test
	void searchASubscriberOpenTheDetailAndPreviewTheDigest() {
		this.page.navigate(base() + "/admin/subscribers");
		this.page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("ann");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(this.page.locator("table.subscribers tbody tr")).hasCount(1);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ann.lee@example.org")).click();

		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("ann.lee@example.org");
		assertThat(this.page.locator("table.digests")).containsText("Spiking neural networks on neuromorphic chips");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview next digest")).click();
		assertThat(this.page.frameLocator("iframe.preview.light").locator("body")).containsText("Paperboy");
		assertThat(this.page.frameLocator("iframe.preview.dark").locator("body")).containsText("Paperboy");
		assertThat(this.page.frameLocator("iframe.preview.light").locator("body"))
			.containsText("Surrogate gradients for spiking networks");
		assertThat(this.page.locator("pre.mail-text")).containsText("Surrogate gradients for spiking networks");
	}

	@Test
	void bulkPauseTwo() {
		this.page.navigate(base() + "/admin/subscribers?sort=address");
		this.page.getByLabel("Select ann.lee@example.org").check();
		this.page.getByLabel("Select bob@example.org").check();
		this.page.getByLabel("With the selected").selectOption("pause");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();

		assertThat(this.page.locator(".flash.ok")).hasText("Paused: 2 of 2 selected subscribers changed.");
		assertThat(this.page.locator("table.subscribers tbody tr")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("PAUSED"))).hasCount(2);
	}

	@Test
	void importAFileAndWatchItFinish() {
		this.page.navigate(base() + "/admin/subscribers/import");
		String csv = "email,interests\nnew@example.org,Quantum error correction\nnot-an-address,x\n"
				+ "bob@example.org,again\n=evil@example.org,x\n";
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();

		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("Finished: 4 of 4 lines.");
		assertThat(this.page.locator("table.import-report tbody tr")).hasCount(4);
		assertThat(this.page.locator("table.import-report")).containsText("already subscribed");
	}

	@Test
	void screenshotsAtBothWidthsInBothSchemes() {
		this.page.navigate(base() + "/admin/subscribers/import");
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("people.csv", "text/csv",
					"email,interests\nnew@example.org,Quantum\nbad,x\n".getBytes(StandardCharsets.UTF_8)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Finished");
		String importRun = this.page.url();

		for (int width : new int[] { 1280, 390 }) {
			try (BrowserContext sized = newContext(width, (width == 390) ? 844 : 900)) {
				Page shown = page(sized);
				ConsoleLogin.login(shown, base(), ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
				shoot(shown, base() + "/admin/subscribers", "subscribers", width);
				shoot(shown, base() + "/admin/subscribers/" + this.ann, "subscriber-detail", width);
				shoot(shown, base() + "/admin/subscribers/" + this.ann + "/preview", "subscriber-preview", width);
				shoot(shown, importRun, "import", width);
				shoot(shown, base() + "/admin/subscribers/import", "import-upload", width);
			}
		}
	}

	private void shoot(Page shown, String url, String name, int width) {
		shown.navigate(url);
		for (String frame : List.of("iframe.preview.light", "iframe.preview.dark")) {
			if (shown.locator(frame).count() > 0) {
				assertThat(shown.frameLocator(frame).locator("body")).containsText("Paperboy");
			}
		}
		Object scrollWidth = shown.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) scrollWidth).intValue()).as(name + " at " + width + ": nothing scrolls sideways")
			.isLessThanOrEqualTo(width);
		// A frame outside the viewport is not painted in a full-page capture: the
		// viewport grows to the whole page instead.
		int height = ((Number) shown.evaluate("() => document.documentElement.scrollHeight")).intValue();
		var viewport = shown.viewportSize();
		shown.setViewportSize(width, Math.max(height, viewport.height));
		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			shown.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
			shown.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(
					"console-%s-%d-%s.png".formatted(name, width, scheme.name().toLowerCase(java.util.Locale.ROOT)))));
		}
		shown.setViewportSize(viewport.width, viewport.height);
	}

	private BrowserContext newContext(int width, int height) {
		BrowserContext created = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
		created.setDefaultTimeout(10_000);
		created.route((url) -> !Chromium.isLocal(url), (route) -> {
			this.problems.add("request to " + route.request().url());
			route.abort("blockedbyclient");
		});
		return created;
	}

	private Page page(BrowserContext in) {
		Page created = in.newPage();
		created.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				this.problems.add(message.text());
			}
		});
		created.onPageError((error) -> this.problems.add(error));
		return created;
	}

	private long active(String address, String interests) {
		return this.subscriptions.importActive(
				EmailAddress.parse(address).orElseThrow(), new Profile(interests, "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
