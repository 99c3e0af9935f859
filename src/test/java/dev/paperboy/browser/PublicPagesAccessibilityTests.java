package dev.paperboy.browser;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.ConfirmationTokens;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.RateLimiter;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.TokenPurpose;
import dev.paperboy.subscription.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page, the digest's web copy included, at 1280 and 390 px in light and
 * dark: axe-core finds no serious or critical violation, the browser logs no error (a
 * refused Content-Security-Policy included), and a screenshot of each is saved as
 * {@code target/screenshots/public-<page>-<width>-<scheme>.png}.
 */
@PaperboyTest
// one sign-up per address and hour, so that the page for too many is one sign-up away
@TestPropertySource(properties = "paperboy.subscription.limits.per-address-per-hour=1")
class PublicPagesAccessibilityTests {

	static final List<Viewports> VIEWPORTS = Viewports.ALL;

	static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Tokens tokens;

	@Autowired
	RateLimiter limiter;

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

	@ParameterizedTest(name = "{0}")
	@FieldSource("VIEWPORTS")
	void everyPublicPageIsAccessibleAndKeepsItsContentSecurityPolicy(Viewports viewport) {
		DatabaseCleaner.clean(this.jdbc);
		List<String> problems = Viewports.problems();
		List<String> violations = new ArrayList<>();
		try (BrowserContext context = viewport.open(chromium.browser(), problems)) {
			Page page = context.newPage();
			pages(viewport.label()).forEach((name, visit) -> {
				visit.accept(page);
				page.waitForLoadState();
				Viewports.screenshot(page, "public-" + name + "-" + viewport.label());
				Axe.seriousViolations(page).forEach((violation) -> violations.add(name + ": " + violation));
				Object headings = page.evaluate("() => document.querySelectorAll('h1').length");
				if (((Number) headings).intValue() != 1) {
					violations.add(name + ": " + headings + " top-level headings (h1), not one");
				}
			});
		}
		assertThat(violations).as("serious or critical accessibility violations").isEmpty();
		assertThat(problems).as("browser console errors and foreign requests").isEmpty();
	}

	// Swagger UI is a third party's page (not checked with axe), served under the same
	// policy: it must still work.
	@Test
	void theApiDocumentationPageWorksUnderThePolicy() {
		List<String> problems = Viewports.problems();
		try (BrowserContext context = Viewports.ALL.get(0).open(chromium.browser(), problems)) {
			Page page = context.newPage();
			Response response = page.navigate("http://127.0.0.1:" + this.port + "/swagger-ui/index.html");
			assertThat(response.headerValue("content-security-policy")).contains("script-src 'self';");
			page.getByText("Send now").waitFor(); // the admin API, listed first
			page.locator("select#select").selectOption("Public API");
			page.getByText("Search the catalog, newest first").waitFor();
			Viewports.screenshot(page, "public-swagger-ui-1280-light");
		}
		assertThat(problems).as("browser console errors and foreign requests").isEmpty();
	}

	/** Each page by name, reached as a reader reaches it. */
	private Map<String, Consumer<Page>> pages(String label) {
		List<Long> papers = papers();
		long reader = reader(papers);
		Map<String, Consumer<Page>> pages = new LinkedHashMap<>();
		pages.put("subscribe", (page) -> open(page, "/", 200));
		pages.put("papers", (page) -> open(page, "/papers", 200));
		pages.put("papers-search", (page) -> open(page, "/papers?q=neural", 200));
		pages.put("check-inbox", (page) -> {
			open(page, "/", 200);
			page.getByLabel("Email address").fill("new-reader-" + label + "@example.org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			page.waitForURL("**/subscribe");
		});
		pages.put("subscribe-error", (page) -> {
			open(page, "/", 200);
			page.getByLabel("Email address").fill("wrong-zone-" + label + "@example.org");
			page.getByLabel("Time zone").fill("Not/AZone");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			page.waitForURL("**/subscribe");
		});
		pages.put("confirm", (page) -> open(page, "/confirm/" + confirmation("confirm-me@example.org"), 200));
		pages.put("confirmed", (page) -> {
			open(page, "/confirm/" + confirmation("confirmed@example.org"), 200);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my subscription")).click();
			page.waitForURL("**/confirm/**");
			page.getByText("You are subscribed").waitFor();
		});
		pages.put("manage", (page) -> open(page, manage(reader), 200));
		pages.put("preview", (page) -> {
			open(page, manage(reader), 200);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview my next digest")).click();
			page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Preview of your next digest"))
				.waitFor();
		});
		pages.put("unsubscribe", (page) -> open(page, "/unsubscribe/" + token(reader, TokenPurpose.UNSUBSCRIBE), 200));
		pages.put("unsubscribed", (page) -> {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe").setExact(true)).click();
			page.getByText("You are unsubscribed").waitFor();
		});
		pages.put("feedback", (page) -> {
			open(page, "/feedback/" + this.tokens.issue(reader, TokenPurpose.FEEDBACK, papers.get(0)) + "?vote=more",
					200);
			page.getByText("Noted, thank you").waitFor();
		});
		pages.put("digest", (page) -> open(page,
				"/digests/" + this.tokens.issue(reader, TokenPurpose.VIEW, digest(reader, papers)), 200));
		pages.put("invalid-link", (page) -> open(page, "/manage/not-a-valid-token", 404));
		pages.put("too-many", (page) -> {
			exhaustTheLimitOf("busy-" + label + "@example.org");
			open(page, "/", 200);
			page.getByLabel("Email address").fill("busy-" + label + "@example.org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			page.getByText("Too many sign-ups").waitFor();
		});
		pages.put("deleted", (page) -> {
			open(page, manage(reader), 200);
			page.getByLabel("Delete my subscription and everything Paperboy keeps about me").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete me")).click();
			page.getByText("Your data is deleted").waitFor();
		});
		return pages;
	}

	private void open(Page page, String path, int status) {
		Response response = page.navigate("http://127.0.0.1:" + this.port + path);
		assertThat(response.status()).as(path).isEqualTo(status);
		// the digest's web copy is the email's HTML, styled inline: it may style itself
		// and
		// nothing more; every other page may use no inline style or script at all
		assertThat(response.headerValue("content-security-policy")).as(path)
			.isEqualTo(path.startsWith("/digests/")
					? "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; "
							+ "form-action 'none'; frame-ancestors 'none'"
					: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
							+ "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
							+ "frame-ancestors 'none'");
	}

	private List<Long> papers() {
		this.catalog.save(List.of(
				paper("2611.00001", "Spiking neural networks on neuromorphic chips",
						"Event-driven neural computation at a fraction of the energy.", 152),
				paper("2611.00002", "Memory-augmented language models that forget on purpose",
						"A recurrent memory that learns what to keep.", 87),
				paper("2611.00003", "Graph neural networks at the scale of the web",
						"Message passing over a billion edges on one machine.", null)));
		return this.jdbc.sql("select id from paper order by id").query(Long.class).list();
	}

	private static PaperRecord paper(String arxivId, String title, String text, Integer upvotes) {
		return new PaperRecord("huggingface", arxivId, title, text, List.of("Ada Lovelace", "Alan Turing"),
				List.of("cs.NE"), PaperLinks.forArxiv(arxivId), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21),
				upvotes, 3, List.of(), "One sentence about " + title.toLowerCase() + ".");
	}

	private long reader(List<Long> papers) {
		long reader = this.subscriptions
			.importActive(EmailAddress.parse("reader@example.org").orElseThrow(),
					new Profile("Neural networks", "neural", List.of("Ada Lovelace"), List.of("cs.NE"),
							Profile.Cadence.WEEKLY, DayOfWeek.FRIDAY, 8, ZoneId.of("Europe/Paris"), 10),
					List.of(), CLIENT);
		this.subscriptions.giveFeedback(reader, this.catalog.find("2611.00003").orElseThrow().key(), false);
		return reader;
	}

	private long digest(long reader, List<Long> papers) {
		long digest = this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status) values (?, '2026-11-20', now(), 'SENT')
				returning id""").param(reader).query(Long.class).single();
		for (int i = 0; i < papers.size(); i++) {
			this.jdbc.sql("""
					insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
					values (?, ?, ?, ?, 0.5, '{"matches your keyword ''neural''"}')""")
				.params(digest, reader, papers.get(i), i + 1)
				.update();
		}
		return digest;
	}

	private String confirmation(String address) {
		this.subscriptions.subscribe(EmailAddress.parse(address).orElseThrow(), Profile.DEFAULT, CLIENT);
		Map<String, Object> pending = this.jdbc
			.sql("select id, confirmation_issued_at from subscriber where email = ? and status = 'PENDING'")
			.param(address)
			.query()
			.singleRow();
		return ConfirmationTokens.of(this.tokens, ((Number) pending.get("id")).longValue(),
				((Timestamp) pending.get("confirmation_issued_at")).toInstant());
	}

	private String manage(long reader) {
		return "/manage/" + token(reader, TokenPurpose.MANAGE);
	}

	private String token(long reader, TokenPurpose purpose) {
		return this.tokens.issue(reader, purpose);
	}

	// The address's own limit, met from another client address than the browser's
	private void exhaustTheLimitOf(String address) {
		Optional<EmailAddress> email = EmailAddress.parse(address);
		this.limiter.trySignUp("192.0.2.1", email);
		assertThat(this.limiter.trySignUp("192.0.2.1", email)).as("the address's limit is met").isPresent();
	}

}
