package dev.paperboy.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paperboy.ConsoleClient;
import dev.paperboy.Paperboy;
import dev.paperboy.admin.users.Role;
import dev.paperboy.delivery.Mailer;
import dev.paperboy.delivery.OutgoingMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web mailbox of the embedded mode: the application started as a newcomer starts it
 * (embedded PostgreSQL and SMTP server), mail sent through the one {@link Mailer}, read
 * at {@code /admin/mailbox} by signed-in operators and admins only (the first admin signs
 * in with the password the embedded mode generated into {@code secrets.properties}), its
 * HTML never able to run a script.
 */
class MailboxTests {

	static final String TOKEN = "mailbox-test-admin-token-0123456789";

	// Every script and handler leaves a mark if it runs. (In a sandbox, alert() would be
	// silently dropped, so the marks are the evidence.)
	static final String HOSTILE_HTML = """
			<html><body>
			<h1 id="greeting">Hello in HTML</h1>
			<p id="marks"></p>
			<script>document.getElementById('marks').textContent += 'script ran;'; alert('script');
			window.top.document.title = 'pwned';</script>
			<img src="x" alt="" onerror="document.getElementById('marks').textContent += 'handler ran;'">
			<p>"></iframe><script>document.getElementById('marks').textContent += 'escaped;';
			alert('escaped the frame')</script></p>
			</body></html>""";

	@TempDir
	static Path data;

	static ConfigurableApplicationContext app;

	static int port;

	static String adminPassword;

	static ConsoleClient admin;

	@BeforeAll
	static void start() {
		// command-line arguments: they win over application.properties
		app = new SpringApplicationBuilder(Paperboy.class).run("--paperboy.embedded.data-dir=" + data,
				"--server.port=0", "--paperboy.scheduling.enabled=false", "--paperboy.demo.enabled=false",
				"--paperboy.admin.api-token=" + TOKEN);
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		// what a newcomer reads in the startup log, kept in the data directory
		Properties secrets = new Properties();
		try (Reader reader = Files.newBufferedReader(data.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
			secrets.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		adminPassword = secrets.getProperty("paperboy.admin.initial-password");
		admin = new ConsoleClient(port);
		assertThat(admin.login("admin", adminPassword).headers().firstValue("Location")).hasValue("/admin");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@BeforeEach
	void emptyTheMailbox() throws Exception {
		app.getBean(GreenMail.class).purgeEmailFromAllMailboxes();
	}

	@Test
	void onlySignedInOperatorsMayReadTheMailbox() {
		ConsoleClient.user(app, "mailbox-viewer", Role.VIEWER, "mailbox-viewer-password");
		ConsoleClient viewer = new ConsoleClient(port);
		viewer.login("mailbox-viewer", "mailbox-viewer-password");
		ConsoleClient anonymous = new ConsoleClient(port);
		for (String path : List.of("/admin/mailbox", "/admin/mailbox/0")) {
			HttpResponse<String> refused = anonymous.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).as(path).hasValue("/admin/login");
			assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(403);
		}
		HttpResponse<String> page = get("/admin/mailbox");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Mailbox</h1>").contains("No mail yet.");
	}

	@Test
	void showsWhatTheMailerSentNewestFirst() {
		send(new OutgoingMail("ada@lab.example.org", "First of two", "Plain words for Ada.", "<p>Rich words</p>",
				Map.of("List-Unsubscribe", "<https://papers.example.org/unsubscribe/abc>", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click"),
				null));
		send(new OutgoingMail("alan@lab.example.org", "Second & <last>", "Plain words for Alan.\n  indented line",
				"<p>Alan</p>", Map.of(), null));

		HttpResponse<String> list = get("/admin/mailbox");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("alan@lab.example.org", "ada@lab.example.org", "First of two",
				"Second &amp; &lt;last&gt;", "href=\"/admin/mailbox/0\"", "href=\"/admin/mailbox/1\"");
		assertThat(list.body().indexOf("Second &amp;")).as("newest first")
			.isLessThan(list.body().indexOf("First of two"));

		HttpResponse<String> first = get("/admin/mailbox/0");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Paperboy &lt;papers@localhost&gt;", "ada@lab.example.org", "First of two",
				"&lt;https://papers.example.org/unsubscribe/abc&gt;", "List-Unsubscribe=One-Click",
				"<pre class=\"body\">Plain words for Ada.</pre>", "src=\"/admin/mailbox/0/html\"");
		HttpResponse<String> html = get("/admin/mailbox/0/html");
		assertThat(html.body()).isEqualTo("<p>Rich words</p>");
		assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
		assertThat(get("/admin/mailbox/2/html").statusCode()).isEqualTo(404);

		HttpResponse<String> second = get("/admin/mailbox/1");
		assertThat(second.body()).contains("Plain words for Alan.\n  indented line").doesNotContain("List-Unsubscribe");

		assertThat(get("/admin/mailbox/2").statusCode()).isEqualTo(404);
		assertThat(get("/admin/mailbox/-1").statusCode()).isEqualTo(404);
		assertThat(get("/admin/mailbox/first").statusCode()).isEqualTo(404);
	}

	@Test
	void aMessagesHtmlIsOnlyEverInsideTheSandboxedFrame() {
		send(new OutgoingMail("eve@lab.example.org", "Hostile", "Plain <script>alert('text')</script>", HOSTILE_HTML,
				Map.of(), null));

		HttpResponse<String> page = get("/admin/mailbox/0");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body().toLowerCase()).as("no script element but the console's own, no handler in the page")
			.doesNotContainPattern("<script(?! (defer )?src=\"/(console|webjars)/)")
			.doesNotContain("<img")
			.doesNotContain("onerror")
			.contains("&lt;script&gt;");
		assertThat(page.body()).contains("sandbox=\"\"").contains("src=\"/admin/mailbox/0/html\"");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).doesNotContain("unsafe-inline"));
		assertThat(get("/admin/mailbox/0/html").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));

		List<String> dialogs = new CopyOnWriteArrayList<>();
		List<String> foreign = new CopyOnWriteArrayList<>();
		try (Chromium.Launched chromium = Chromium.launch();
				BrowserContext context = chromium.browser()
					.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			context.setDefaultTimeout(10_000);
			context.route((url) -> !Chromium.isLocal(url), (route) -> {
				foreign.add(route.request().url());
				route.abort("blockedbyclient");
			});
			Page browser = context.newPage();
			browser.onDialog((dialog) -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});

			ConsoleLogin.login(browser, "http://127.0.0.1:" + port, "admin", adminPassword);
			browser.navigate("http://127.0.0.1:" + port + "/admin/mailbox");
			assertThat(browser.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hostile"))).isVisible();
			screenshot(browser, "mailbox.png");
			browser.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hostile")).click();

			assertThat(browser.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hostile");
			assertThat(browser.locator("iframe")).hasCount(1);
			assertThat(browser.locator("iframe")).hasAttribute("sandbox", "");
			FrameLocator frame = browser.frameLocator("iframe");
			assertThat(frame.locator("#greeting")).hasText("Hello in HTML");
			// the message is a document of its own: the script that tried to close the
			// frame is one more script inside it, that did not run either
			assertThat(frame.locator("p").last()).hasText("\">");
			assertThat(frame.locator("script")).hasCount(2);
			assertThat(browser.locator("pre")).hasText("Plain <script>alert('text')</script>");
			screenshot(browser, "mailbox-message.png");
			browser.waitForTimeout(500);
			assertThat(frame.locator("#marks").textContent()).as("marks of scripts that ran in the frame").isEmpty();
			assertThat(browser).hasTitle("Hostile · Paperboy console");
			assertThat(browser.locator("script:not([src])")).hasCount(0);
		}
		assertThat(dialogs).as("scripts that ran").isEmpty();
		assertThat(foreign).as("requests to hosts other than 127.0.0.1").isEmpty();
	}

	private static void send(OutgoingMail mail) {
		GreenMail smtp = app.getBean(GreenMail.class);
		int before = smtp.getReceivedMessages().length;
		assertThat(app.getBean(Mailer.class).send(mail)).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length > before);
	}

	private static HttpResponse<String> get(String path) {
		return admin.get(path);
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Chromium.SCREENSHOTS.resolve(name)));
	}

}
