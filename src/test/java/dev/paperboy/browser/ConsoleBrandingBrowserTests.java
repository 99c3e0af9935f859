package dev.paperboy.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.Branding;
import dev.paperboy.delivery.Suppressions;
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
 * The branding, suppression, configuration and maintenance pages in a real browser: the
 * branding preview follows the form as the accent changes; screenshots of each page at
 * 1280 and 390 px, light and dark, without a console error (a CSP violation is one).
 */
@PaperboyTest
class ConsoleBrandingBrowserTests {

	static Chromium.Launched chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Suppressions suppressions;

	@Autowired
	Branding branding;

	@Autowired
	SubscriptionService subscriptions;

	final List<String> errors = new CopyOnWriteArrayList<>();

	final List<String> foreignRequests = new CopyOnWriteArrayList<>();

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
		this.suppressions.suppress("bounced@example.org", "hard bounce: 550 no such user");
		this.suppressions.add("asked@example.org", "asked by phone not to be mailed", "admin");
		this.subscriptions.subscribe(EmailAddress.parse("forgot@example.org").orElseThrow(), Profile.DEFAULT,
				new ClientInfo("127.0.0.1", "test"));
		this.jdbc
			.sql("update subscriber set created_at = now() - interval '40 days', "
					+ "confirmation_sent_at = now() - interval '40 days'")
			.update();
	}

	@AfterEach
	void tearDown() {
		this.branding.save(new Branding.Draft("Paperboy", Brand.DEFAULT_ACCENT, "", ""), "test");
		this.branding.removeLogo("test");
		assertThat(this.errors).as("browser console errors").isEmpty();
		assertThat(this.foreignRequests).as("requests to other hosts").isEmpty();
	}

	@Test
	void thePreviewFollowsTheAccentAsItIsTyped() {
		try (BrowserContext context = newContext(1280, 900)) {
			Page page = page(context);
			ConsoleLogin.login(page, base(), "admin", "test-admin-password-0123");
			page.navigate(base() + "/admin/branding");
			assertThat(page.frameLocator("article[data-mail=digest] iframe").locator("a.pb-link").first())
				.hasAttribute("style", java.util.regex.Pattern.compile("color:#0b57d0"));
			page.locator("#accent").fill("#b91c1c");
			assertThat(page.locator("article[data-mail=digest] iframe")).hasAttribute("src",
					java.util.regex.Pattern.compile("accent=%23b91c1c"));
			assertThat(page.frameLocator("article[data-mail=digest] iframe").locator("a.pb-link").first())
				.hasAttribute("style", java.util.regex.Pattern.compile("color:#b91c1c"));
			assertThat(page.frameLocator("article[data-mail=confirmation] iframe").getByText("Confirm my subscription"))
				.hasAttribute("style", java.util.regex.Pattern.compile("background:#b91c1c"));
			page.getByLabel("Sender name").fill("The Example Lab");
			assertThat(page.frameLocator("article[data-mail=confirmation] iframe")
				.getByText("asked The Example Lab to send",
						new com.microsoft.playwright.FrameLocator.GetByTextOptions().setExact(false)))
				.isVisible();
			assertThat(page.locator("#previews")).containsText("The Example Lab · https://papers.example.org");
			// a logo, uploaded through the form (multipart, with its CSRF token)
			page.locator("#logo")
				.setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.png", "image/png", png()));
			page.getByText("Upload and use").click();
			assertThat(page.locator(".flash.ok")).hasText("Logo uploaded: every email from now on shows it.");
			assertThat(page.locator("img.logo-current")).isVisible();
			assertThat(page.frameLocator("article[data-mail=digest] iframe").locator("img").first()).hasAttribute("src",
					java.util.regex.Pattern.compile("^data:image/png;base64,"));
			page.locator("#previews").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(Chromium.SCREENSHOTS.resolve("console-branding-live-1280-light.png")));
		}
	}

	@Test
	void screenshotsOfEachPage() {
		this.branding.save(new Branding.Draft("The Example Lab", "#0f766e", "Sent by the Example Lab's reading group.",
				"Example Lab\n1 Example Street"), "test");
		for (int width : new int[] { 1280, 390 }) {
			try (BrowserContext context = newContext(width, (width == 390) ? 844 : 900)) {
				Page page = page(context);
				ConsoleLogin.login(page, base(), "admin", "test-admin-password-0123");
				for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
					page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
					String suffix = width + "-" + ((scheme == ColorScheme.DARK) ? "dark" : "light") + ".png";
					shoot(page, "/admin/branding", "console-branding-" + suffix);
					shoot(page, "/admin/suppressions", "console-suppressions-" + suffix);
					shoot(page, "/admin/config", "console-config-" + suffix);
					shoot(page, "/admin/maintenance?olderThanDays=30", "console-maintenance-" + suffix);
					Object scroll = page.evaluate("() => document.documentElement.scrollWidth");
					if (width == 390) {
						assertThat(((Number) scroll).intValue()).as("nothing scrolls sideways")
							.isLessThanOrEqualTo(390);
					}
				}
			}
		}
	}

	private static byte[] png() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 40,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D graphics = image.createGraphics();
			graphics.setColor(new java.awt.Color(0x0f766e));
			graphics.fillRect(0, 0, 120, 40);
			graphics.dispose();
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void shoot(Page page, String path, String name) {
		page.navigate(base() + path);
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		if (path.contains("branding")) {
			if (name.contains("dark")) {
				page.locator("#scheme").selectOption("dark");
				assertThat(page.locator("article[data-mail=digest] iframe")).hasAttribute("src",
						java.util.regex.Pattern.compile("scheme=dark"));
			}
			page.frameLocator("article[data-mail=digest] iframe").locator("a.pb-link").first().waitFor();
		}
		// The preview frames are other processes (sandboxed), which a full-page
		// screenshot
		// leaves blank: the whole page in the viewport instead
		int width = page.viewportSize().width;
		int height = page.viewportSize().height;
		int full = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
		page.setViewportSize(width, Math.max(height, full));
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name)));
		page.setViewportSize(width, height);
	}

	private Page page(BrowserContext context) {
		Page page = context.newPage();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				this.errors.add(message.text());
			}
		});
		page.onPageError((error) -> this.errors.add(error));
		return page;
	}

	private BrowserContext newContext(int width, int height) {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
		context.setDefaultTimeout(10_000);
		context.route((url) -> !Chromium.isLocal(url), (route) -> {
			this.foreignRequests.add(route.request().url());
			route.abort("blockedbyclient");
		});
		return context;
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
