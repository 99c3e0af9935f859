package dev.paperboy.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paperboy.Paperboy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's walkthrough, as a newcomer follows it: the service started on its embedded
 * defaults in an empty directory (embedded PostgreSQL and SMTP server, demo papers), the
 * console password read from the startup log, the demo papers on {@code /papers}, a
 * sign-up on {@code /}, its confirmation opened in the console's mailbox, the first
 * digest in the mailbox, and that subscriber, their digest and the dashboard's charts in
 * the console.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadmeWalkthroughTests {

	private static final Pattern PRINTED_PASSWORD = Pattern
		.compile("Console: sign in at /admin as 'admin' with password (\\S+)");

	@TempDir
	Path data;

	@Test
	void aNewcomerSignsUpConfirmsAndSeesTheSubscriberTheirDigestAndChartsInTheConsole(CapturedOutput output)
			throws IOException {
		int port = freePort();
		String base = "http://127.0.0.1:" + port;
		// The embedded defaults; only the port is chosen (links in mail name it), and the
		// sources that would reach the internet are off: tests only reach 127.0.0.1.
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Paperboy.class).run(
				"--paperboy.embedded.data-dir=" + this.data, "--server.port=" + port,
				"--paperboy.subscription.public-url=" + base, "--paperboy.ingest.hugging-face.enabled=false",
				"--paperboy.ingest.arxiv.enabled=false");
				Chromium.Launched chromium = Chromium.launch();
				BrowserContext context = chromium.browser()
					.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
			assertThat(printed.find()).as("the console password in the startup log").isTrue();
			String password = printed.group(1);
			assertThat(Files.readString(this.data.resolve("secrets.properties")))
				.as("and kept in data/secrets.properties")
				.contains("paperboy.admin.initial-password=" + password);

			context.setDefaultTimeout(15_000);
			List<String> errors = new CopyOnWriteArrayList<>();
			Page page = context.newPage();
			page.onConsoleMessage((message) -> {
				if ("error".equals(message.type())) {
					errors.add(page.url() + ": " + message.text());
				}
			});

			page.navigate(base + "/papers");
			assertThat(page.locator("article").first()).isVisible();

			String address = "newcomer@lab.example.org";
			page.navigate(base + "/");
			page.getByLabel("Email address").fill(address);
			page.locator("#interests").fill("memory in large language models and retrieval");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("inbox");

			ConsoleLogin.login(page, base, "admin", password);
			String confirmLink = mailText(page, base, address, 0, "confirm/");
			page.navigate(confirmLink);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my subscription")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("You are subscribed");

			// the embedded demo sends the first digest right after the confirmation
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				page.navigate(base + "/admin/mailbox");
				assertThat(page.locator("table.mailbox tbody tr")).hasCount(2);
			});
			screenshot(page, "walkthrough-mailbox.png");

			page.navigate(base + "/admin/subscribers?q=newcomer");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(address)).first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(address);
			assertThat(page.locator("main")).containsText("SENT");
			screenshot(page, "walkthrough-subscriber.png");

			// the daily figures are rolled up every minute
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
				page.navigate(base + "/admin");
				assertThat(page.locator("[data-figure=digests-sent] .value")).hasText("1");
				assertThat(page.locator("[data-figure=state-ACTIVE] .value")).hasText("1");
			});
			Locator charts = page.locator("canvas[data-chart]");
			assertThat(charts.first()).isVisible();
			assertThat(charts.count()).isGreaterThan(0);
			Object drawn = page.evaluate("() => [...document.querySelectorAll('canvas[data-chart]')]"
					+ ".every(c => Chart.getChart(c) !== undefined && c.width > 0)");
			assertThat(drawn).as("every chart drawn by Chart.js").isEqualTo(true);
			screenshot(page, "walkthrough-dashboard.png");
			assertThat(errors).as("browser console errors").isEmpty();
		}
	}

	private static String mailText(Page page, String base, String address, int index, String linkPart) {
		page.navigate(base + "/admin/mailbox/" + index);
		assertThat(page.locator("main")).containsText(address);
		String text = page.locator("pre.body").textContent();
		Matcher link = Pattern.compile(Pattern.quote(base) + "/" + linkPart + "\\S+").matcher(text);
		assertThat(link.find()).as("a %s link in the email's text: %s", linkPart, text).isTrue();
		return link.group();
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name)).setFullPage(true));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
