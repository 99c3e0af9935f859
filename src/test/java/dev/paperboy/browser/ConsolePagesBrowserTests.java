package dev.paperboy.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.admin.users.Role;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the console as its users do: every page its navigation links to, and from each
 * list the first detail page, so that pages added later are walked without a change here.
 * An admin's walk checks each page at 1280 and 390 px in light and dark (axe-core,
 * browser console, one top-level heading, a screenshot
 * {@code target/screenshots/console-crawl-<path>-<width>-<scheme>.png}); a viewer's walk
 * finds no control that changes anything.
 */
@PaperboyTest
class ConsolePagesBrowserTests {

	static final String VIEWER = "crawl-viewer";

	static final String VIEWER_PASSWORD = "crawl-viewer-password-0123";

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

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
	void someOfEverything() {
		DatabaseCleaner.clean(this.jdbc);
		this.catalog.save(List.of(paper("2611.00001", "Spiking neural networks on neuromorphic chips", 152),
				paper("2611.00002", "Memory-augmented language models that forget on purpose", 87)));
		long reader = this.subscriptions.importActive(
				EmailAddress.parse("reader@example.org").orElseThrow(), new Profile("Neural networks", "neural",
						List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		long digest = this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status) values (?, current_date, now(), 'SENT')
				returning id""").param(reader).query(Long.class).single();
		this.jdbc.sql("""
				insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
				select ?, ?, id, row_number() over (order by id), 0.5, '{}' from paper""")
			.params(digest, reader)
			.update();
		ConsoleClient.user(this.context, VIEWER, Role.VIEWER, VIEWER_PASSWORD);
	}

	@Test
	void everyConsolePageIsAccessibleInEveryViewport() {
		List<String> pages = walk(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		assertThat(pages).as("pages walked").contains("/admin");
		List<String> failures = new ArrayList<>();
		for (Viewports viewport : Viewports.ALL) {
			List<String> problems = Viewports.problems();
			try (BrowserContext browser = viewport.open(chromium.browser(), problems)) {
				Page page = browser.newPage();
				ConsoleLogin.login(page, base(), ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
				for (String path : pages) {
					String where = path + " at " + viewport.label();
					open(page, path);
					Viewports.screenshot(page, "console-crawl-" + slug(path) + "-" + viewport.label());
					Axe.seriousViolations(page).forEach((violation) -> failures.add(where + ": " + violation));
					Object headings = page.evaluate("() => document.querySelectorAll('h1').length");
					if (((Number) headings).intValue() != 1) {
						failures.add(where + ": " + headings + " top-level headings (h1), not one");
					}
				}
			}
			problems.forEach((problem) -> failures.add(viewport.label() + ": " + problem));
		}
		assertThat(failures).as("accessibility violations, heading counts and browser errors").isEmpty();
	}

	@Test
	void aViewerFindsNothingToChangeOnAnyPage() {
		List<String> pages = walk(VIEWER, VIEWER_PASSWORD);
		assertThat(pages).as("pages walked").contains("/admin");
		List<String> changes = new ArrayList<>();
		List<String> problems = Viewports.problems();
		try (BrowserContext browser = Viewports.ALL.get(0).open(chromium.browser(), problems)) {
			Page page = browser.newPage();
			ConsoleLogin.login(page, base(), VIEWER, VIEWER_PASSWORD);
			for (String path : pages) {
				open(page, path);
				Viewports.screenshot(page, "console-crawl-viewer-" + slug(path));
				@SuppressWarnings("unchecked")
				List<String> controls = (List<String>) page.evaluate("""
						() => [...document.querySelectorAll('form, [hx-post], [hx-put], [hx-patch], [hx-delete]')]
							.filter((element) => element.checkVisibility())
							.filter((element) => element.tagName !== 'FORM'
								|| (element.getAttribute('method') || 'get').toLowerCase() === 'post')
							// their own: signing out, saving a view of a search
							.filter((element) => !(element.getAttribute('action') || '').endsWith('/admin/logout'))
							.filter((element) => !(element.getAttribute('action') || '').endsWith('/admin/views'))
							.filter((element) => element.tagName === 'FORM'
								? [...element.querySelectorAll('button, input[type=submit]')].some((b) => !b.disabled)
								: !element.disabled)
							.map((element) => element.outerHTML.substring(0, 160))""");
				controls.forEach((control) -> changes.add(path + ": " + control));
			}
		}
		assertThat(changes).as("controls a viewer could use to change something").isEmpty();
		assertThat(problems).as("browser console errors").isEmpty();
	}

	/**
	 * The pages a user reaches: the navigation's (those built, that is: mapped in this
	 * application), and on each the first link to a page below it.
	 */
	private List<String> walk(String username, String password) {
		Set<String> pages = new LinkedHashSet<>();
		List<String> problems = Viewports.problems();
		try (BrowserContext browser = Viewports.ALL.get(0).open(chromium.browser(), problems)) {
			Page page = browser.newPage();
			ConsoleLogin.login(page, base(), username, password);
			open(page, "/admin");
			@SuppressWarnings("unchecked")
			List<String> nav = (List<String>) page
				.evaluate("() => [...document.querySelectorAll('nav#nav a')].map((a) => a.getAttribute('href'))");
			for (String section : nav) {
				if (!isMapped(section)) {
					continue; // not built yet
				}
				pages.add(section);
				open(page, section);
				detailPage(page, browser, section).ifPresent(pages::add);
			}
		}
		assertThat(problems).as("browser console errors while walking").isEmpty();
		return List.copyOf(pages);
	}

	// The first link into a page under the section's path that is a page (not a
	// download), links in a table first
	private java.util.Optional<String> detailPage(Page page, BrowserContext browser, String section) {
		@SuppressWarnings("unchecked")
		List<String> links = (List<String>) page.evaluate("""
				(section) => [...document.querySelectorAll('main table a[href], main a[href]')]
					.map((a) => a.getAttribute('href'))
					.filter((href) => href.startsWith(section + '/'))""", section);
		for (String link : new LinkedHashSet<>(links)) {
			APIResponse response = browser.request().get(base() + link);
			if (response.status() == 200
					&& response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
				return java.util.Optional.of(link);
			}
		}
		return java.util.Optional.empty();
	}

	private boolean isMapped(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		ServletRequestPathUtils.parseAndCache(request);
		for (HandlerMapping mapping : this.context.getBeansOfType(HandlerMapping.class).values()) {
			if (!(mapping instanceof RequestMappingInfoHandlerMapping || mapping instanceof RouterFunctionMapping)) {
				continue; // static resources match every path
			}
			try {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			catch (Exception ex) {
				return true; // mapped, but not for this request as it is (a method or
								// type)
			}
		}
		return false;
	}

	private void open(Page page, String path) {
		Response response = page.navigate(base() + path);
		assertThat(response.status()).as(path).isEqualTo(200);
		page.waitForLoadState();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String slug(String path) {
		String slug = path.replaceFirst("^/admin/?", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "dashboard" : slug;
	}

	private static PaperRecord paper(String arxivId, String title, Integer upvotes) {
		return new PaperRecord("huggingface", arxivId, title, "An abstract about " + title.toLowerCase() + ".",
				List.of("Ada Lovelace", "Alan Turing"), List.of("cs.NE"), PaperLinks.forArxiv(arxivId), LocalDate.now(),
				LocalDate.now(), upvotes, 3, List.of(), "One sentence about " + title + ".");
	}

}
