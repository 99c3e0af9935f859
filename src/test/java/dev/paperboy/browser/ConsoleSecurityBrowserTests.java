package dev.paperboy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;
import dev.paperboy.admin.users.Role;
import dev.paperboy.admin.users.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in with the second factor, and the pages of the security area
 * (account, users, tokens, audit log, settings), in a real browser: no console error (a
 * Content-Security-Policy violation would be one), no serious or critical axe finding,
 * screenshots at 1280 and 390 pixels, light and dark.
 */
@PaperboyTest
class ConsoleSecurityBrowserTests {

	static final String NAME = "browser-admin";

	static final String PASSWORD = "browser-admin-password-0123";

	static final List<String> PAGES = List.of("account", "users", "tokens", "audit", "settings");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConsoleUsers users;

	@Autowired
	JdbcClient jdbc;

	final List<String> problems = new CopyOnWriteArrayList<>();

	Chromium.Launched chromium;

	BrowserContext browser;

	Page page;

	String secret;

	@BeforeEach
	void setUp() throws IOException {
		DatabaseCleaner.clean(this.jdbc);
		ConsoleClient.user(this.context, NAME, Role.ADMIN, PASSWORD);
		ConsoleUser user = this.users.findByUsername(NAME).orElseThrow();
		this.secret = Totp.newSecret();
		user.setTotpSecret(this.secret);
		user.setTotpLastStep(null);
		this.users.save(user);
		this.chromium = Chromium.launch();
		this.browser = this.chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.browser.setDefaultTimeout(10_000);
		this.browser.route((url) -> !Chromium.isLocal(url), (route) -> {
			this.problems.add("request to another host: " + route.request().url());
			route.abort("blockedbyclient");
		});
		try (InputStream axe = getClass()
			.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			// an init script runs whatever the page's policy (an inline one would be
			// refused)
			this.browser.addInitScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
		}
		this.page = this.browser.newPage();
		this.page.onConsoleMessage((message) -> {
			if (message.type().equals("error")) {
				this.problems.add("console error on " + this.page.url() + ": " + message.text());
			}
		});
		this.page.onPageError((error) -> this.problems.add("page error: " + error));
	}

	@AfterEach
	void tearDown() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void signInWithTheSecondFactorAndVisitTheSecurityPages() {
		this.page.navigate(base() + "/admin/login");
		shootAllWays("login");
		this.page.getByLabel("User name").fill(NAME);
		this.page.getByLabel("Password").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("The user name, password or code is wrong");
		shoot("login-error-1280-light");

		ConsoleLogin.login(this.page, base(), NAME, PASSWORD, Totp.code(this.secret, Instant.now()));
		assertThat(this.page).hasURL(base() + "/admin");

		this.page.navigate(base() + "/admin/tokens");
		this.page.getByLabel("Name").fill("nightly import");
		this.page.getByLabel("Role").selectOption("OPERATOR");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
		assertThat(this.page.getByLabel("Your new token")).hasValue(java.util.regex.Pattern.compile("pb_.{43}"));
		shootAllWays("tokens");

		for (String name : PAGES) {
			if (!name.equals("tokens")) {
				this.page.navigate(base() + "/admin/" + name);
				shootAllWays(name);
			}
			assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		}
		this.page.navigate(base() + "/admin/audit");
		assertThat(this.page.locator("table.audit")).containsText("POST /admin/tokens");
		assertThat(this.page.locator("table.audit")).containsText("sign-in");
		assertThat(this.problems).isEmpty();
	}

	@Test
	void aUserSetsUpTheSecondFactorOnTheirAccountPage() {
		ConsoleClient.user(this.context, "browser-viewer", Role.VIEWER, PASSWORD);
		ConsoleUser viewer = this.users.findByUsername("browser-viewer").orElseThrow();
		viewer.setTotpSecret(null);
		this.users.save(viewer);
		ConsoleLogin.login(this.page, base(), "browser-viewer", PASSWORD);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("browser-viewer")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Your account");
		shootAllWays("account-enrol");
		String key = this.page.locator("code.secret").textContent().replace(" ", "");
		assertThat(this.page.locator("a.otpauth")).hasAttribute("href", "otpauth://totp/Paperboy:browser-viewer?secret="
				+ key + "&issuer=Paperboy&algorithm=SHA1&digits=6&period=30");
		this.page.getByLabel("Code from the app").fill(Totp.code(key, Instant.now()));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on the second factor")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your second factor is set up");
		assertThat(this.users.findByUsername("browser-viewer").orElseThrow().getTotpSecret()).isEqualTo(key);
		assertThat(this.problems).isEmpty();
	}

	// light and dark, desktop and phone; axe judges each
	private void shootAllWays(String name) {
		for (int width : new int[] { 1280, 390 }) {
			this.page.setViewportSize(width, (width == 390) ? 844 : 900);
			for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
				this.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
				shoot(name + "-" + width + "-" + scheme.name().toLowerCase());
				Object violations = this.page.evaluate("""
						async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
							.filter((v) => v.impact === 'serious' || v.impact === 'critical')
							.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))""");
				((List<?>) violations).forEach((v) -> this.problems.add(name + " " + width + " " + scheme + ": " + v));
			}
		}
		this.page.setViewportSize(1280, 900);
		this.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
	}

	private void shoot(String name) {
		this.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Chromium.SCREENSHOTS.resolve("console-" + name + ".png")));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
