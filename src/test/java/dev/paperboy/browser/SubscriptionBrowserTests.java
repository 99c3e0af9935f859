package dev.paperboy.browser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import jakarta.mail.internet.MimeMessage;
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
import static org.awaitility.Awaitility.await;

/**
 * The subscription pages as a person uses them, in a real browser (Debian's Chromium):
 * sign up with the keyboard, confirm from the link in the email, edit the preferences,
 * unsubscribe. Saves a screenshot of every page under {@code target/screenshots/}.
 */
@PaperboyTest
class SubscriptionBrowserTests {

	static final String PUBLIC_URL = "https://papers.example.org";

	/** Every labelled field of the sign-up form, by the start of its label. */
	static final List<String> SUBSCRIBE_FIELDS = List.of("Email address", "Your interests", "Keywords",
			"Authors to follow", "arXiv categories", "Weekday", "Delivery hour", "Time zone", "Papers per digest");

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final List<String> foreignRequests = new CopyOnWriteArrayList<>();

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
	void setUp() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		TestMailConfiguration.mail().purgeEmailFromAllMailboxes();
		this.context = newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.context.setDefaultTimeout(10_000);
		this.page = this.context.newPage();
	}

	@AfterEach
	void tearDown() {
		if (this.context != null) {
			this.context.close();
		}
		assertThat(this.foreignRequests).as("requests to hosts other than 127.0.0.1 (all blocked)").isEmpty();
	}

	@Test
	void subscribeConfirmEditAndUnsubscribe() {
		this.page.navigate(local("/"));
		assertThat(this.page).hasTitle("Subscribe · Paperboy");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Get trending papers in your email inbox");
		Locator timeZone = this.page.getByLabel("Time zone");
		// pre-filled from the browser by the page's script
		assertThat(timeZone).hasValue("Europe/Paris");
		screenshot(this.page, "subscribe.png");

		// The keyboard alone: type, Tab to the next field, type.
		this.page.getByLabel("Email address").focus();
		this.page.keyboard().type("bea@lab.example.org");
		this.page.keyboard().press("Tab");
		assertThat(this.page.getByLabel("Your interests")).isFocused();
		this.page.keyboard().type("Memory in language models");
		this.page.keyboard().press("Tab");
		assertThat(this.page.getByLabel("Keywords")).isFocused();
		this.page.keyboard().type("memory");
		this.page.getByLabel("Weekly", new Page.GetByLabelOptions().setExact(true)).check();
		this.page.getByLabel("Weekday").selectOption("FRIDAY");
		this.page.getByLabel("Delivery hour").selectOption("8");
		this.page.getByLabel("Papers per digest").fill("5");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();

		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Check your inbox");
		screenshot(this.page, "check-inbox.png");
		assertThat(this.jdbc
			.sql("select status || '|' || interests || '|' || keywords || '|' || cadence || '|' || weekday || '|'"
					+ " || delivery_hour || '|' || time_zone || '|' || papers_per_digest from subscriber")
			.query(String.class)
			.single()).isEqualTo("PENDING|Memory in language models|memory|WEEKLY|5|8|Europe/Paris|5");

		this.page.navigate(local(mailLink("/confirm/")));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Confirm your subscription");
		screenshot(this.page, "confirm.png");
		assertThat(status()).as("opening the link confirms nothing").isEqualTo("PENDING");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my subscription")).click();

		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("You are subscribed");
		screenshot(this.page, "confirmed.png");
		assertThat(status()).isEqualTo("ACTIVE");

		// Links on the pages point at the public URL, which is not this machine: follow
		// them on the test server by their path.
		follow(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit my preferences")));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Your preferences");
		assertThat(this.page.getByText("bea@lab.example.org")).isVisible();
		assertThat(this.page.getByLabel("Your interests")).hasValue("Memory in language models");
		assertThat(this.page.getByLabel("Weekly", new Page.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(this.page.getByLabel("Time zone")).hasValue("Europe/Paris");
		screenshot(this.page, "manage.png");

		this.page.getByLabel("Your interests").fill("Spiking neural networks");
		this.page.getByLabel("Keywords").fill("\"spiking neural\" -survey");
		this.page.getByLabel("Authors to follow").fill("Ada Lovelace, Alan Turing");
		this.page.getByLabel("arXiv categories").fill("cs.NE");
		this.page.getByLabel("Daily", new Page.GetByLabelOptions().setExact(true)).check();
		this.page.getByLabel("Delivery hour").selectOption("6");
		this.page.getByLabel("Papers per digest").fill("12");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences")).click();

		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Saved");
		assertThat(this.page.getByLabel("Daily", new Page.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(this.page.getByLabel("Your interests")).hasValue("Spiking neural networks");
		screenshot(this.page, "manage-saved.png");
		assertThat(this.jdbc
			.sql("select interests || '|' || keywords || '|' || array_to_string(authors, ';') || '|'"
					+ " || array_to_string(categories, ';') || '|' || cadence || '|' || delivery_hour || '|'"
					+ " || papers_per_digest from subscriber")
			.query(String.class)
			.single())
			.isEqualTo("Spiking neural networks|\"spiking neural\" -survey|Ada Lovelace;Alan Turing|cs.NE|DAILY|6|12");

		follow(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unsubscribe").setExact(true)));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Unsubscribe from Paperboy");
		screenshot(this.page, "unsubscribe.png");
		assertThat(status()).as("opening the link unsubscribes nobody").isEqualTo("ACTIVE");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe").setExact(true)).click();

		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("You are unsubscribed");
		screenshot(this.page, "unsubscribed.png");
		assertThat(status()).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void everyFieldOfTheSignUpFormHasALabel() {
		this.page.navigate(local("/"));
		for (String label : SUBSCRIBE_FIELDS) {
			Locator field = this.page.getByLabel(label);
			assertThat(field).hasCount(1);
			assertThat(field).isVisible();
			assertThat(field).isEditable();
		}
		assertThat(this.page.getByLabel("Daily", new Page.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(this.page.getByLabel("Weekly", new Page.GetByLabelOptions().setExact(true))).isVisible();
		// and no visible field without one, whatever is added to the form later
		Object unlabelled = this.page.evaluate("""
				() => [...document.querySelectorAll('input, select, textarea')]
					.filter((field) => field.type !== 'hidden' && field.checkVisibility()
						&& !field.closest('[aria-hidden="true"]'))
					.filter((field) => field.labels.length === 0 && !field.getAttribute('aria-label')
						&& !field.getAttribute('aria-labelledby'))
					.map((field) => field.name || field.id || field.outerHTML)""");
		assertThat((List<?>) unlabelled).as("visible fields without a label").isEmpty();
		assertThat(this.page.getByLabel("Time zone")).hasValue("Europe/Paris");
	}

	@Test
	void signUpPageFitsAPhone() {
		try (BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setDeviceScaleFactor(1)
			.setIsMobile(true)
			.setHasTouch(true))) {
			Page page = phone.newPage();
			page.navigate(local("/"));
			assertThat(page.getByLabel("Time zone")).hasValue("Europe/Paris");
			screenshot(page, "subscribe-phone.png");
			Object width = page.evaluate("() => document.documentElement.scrollWidth");
			assertThat(((Number) width).intValue()).as("page width: nothing scrolls sideways").isLessThanOrEqualTo(390);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe"))).isVisible();
		}
	}

	private BrowserContext newContext(Browser.NewContextOptions options) {
		BrowserContext context = chromium.browser()
			.newContext(options.setTimezoneId("Europe/Paris").setLocale("en-GB"));
		// Nothing leaves this machine: whatever is not the test server is refused and
		// recorded.
		context.route((url) -> !Chromium.isLocal(url), (route) -> {
			this.foreignRequests.add(route.request().url());
			route.abort("blockedbyclient");
		});
		return context;
	}

	private void follow(Locator link) {
		assertThat(link).isVisible();
		String href = link.getAttribute("href");
		assertThat(href).as("a link to the public URL").startsWith(PUBLIC_URL + "/");
		this.page.navigate(local(href.substring(PUBLIC_URL.length())));
	}

	private String local(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private String status() {
		return this.jdbc.sql("select status from subscriber").query(String.class).single();
	}

	/** The path of the first public link in the one email sent. */
	private static String mailLink(String pathPrefix) {
		// Only this test's recipient: another test's background send may still arrive.
		await().atMost(Duration.ofSeconds(10)).until(() -> mailToBea().length >= 1);
		MimeMessage[] messages = mailToBea();
		assertThat(messages).hasSize(1);
		String body = GreenMailUtil.getBody(messages[0]).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile(Pattern.quote(PUBLIC_URL + pathPrefix) + "[A-Za-z0-9_-]+").matcher(body);
		assertThat(matcher.find()).as(pathPrefix + " link in the email").isTrue();
		return matcher.group().substring(PUBLIC_URL.length());
	}

	private static MimeMessage[] mailToBea() {
		return java.util.Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals("bea@lab.example.org");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Chromium.SCREENSHOTS.resolve(name)));
	}

}
