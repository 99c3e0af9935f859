package dev.paperboy.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

/**
 * The four ways the page checks look at a page: desktop (1280 px) and phone (390 px),
 * each in light and dark. A browser context per way, in which nothing leaves this machine
 * and every console error and uncaught exception (a refused Content-Security-Policy
 * included) is kept.
 */
public record Viewports(int width, int height, boolean phone, ColorScheme scheme) {

	public static final List<Viewports> ALL = List.of(new Viewports(1280, 900, false, ColorScheme.LIGHT),
			new Viewports(1280, 900, false, ColorScheme.DARK), new Viewports(390, 844, true, ColorScheme.LIGHT),
			new Viewports(390, 844, true, ColorScheme.DARK));

	/**
	 * @return as in screenshot names, e.g. {@code 390-dark}
	 */
	public String label() {
		return this.width + "-" + ((this.scheme == ColorScheme.DARK) ? "dark" : "light");
	}

	/**
	 * @param browser the browser
	 * @param problems where the context's refused foreign requests, console errors and
	 * page errors go
	 * @return a new context of this size and scheme
	 */
	public BrowserContext open(Browser browser, List<String> problems) {
		BrowserContext context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(this.width, this.height)
				.setIsMobile(this.phone)
				.setHasTouch(this.phone)
				.setColorScheme(this.scheme)
				.setTimezoneId("Europe/Paris")
				.setLocale("en-GB"));
		context.setDefaultTimeout(15_000);
		context.route((url) -> !Chromium.isLocal(url), (route) -> {
			problems.add("request to another host: " + route.request().url());
			route.abort("blockedbyclient");
		});
		context.onPage((page) -> watch(page, problems));
		return context;
	}

	private static void watch(Page page, List<String> problems) {
		page.onConsoleMessage((message) -> {
			// a page answered with an error status (404 for a bad link, 429) is one
			// the test asked for and checks; its resources' errors still count
			boolean documentStatus = message.text().startsWith("Failed to load resource: the server responded")
					&& message.location().startsWith(page.url() + ":");
			if ("error".equals(message.type()) && !documentStatus) {
				problems.add("console error on " + page.url() + ": " + message.text());
			}
		});
		page.onPageError((error) -> problems.add("uncaught error on " + page.url() + ": " + error));
	}

	/**
	 * @return a fresh list for {@link #open}
	 */
	public static List<String> problems() {
		return new CopyOnWriteArrayList<>();
	}

	/**
	 * Saves a full-page screenshot under {@code target/screenshots/}.
	 * @param page the page
	 * @param name the file name, without {@code .png}
	 */
	public static void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Chromium.SCREENSHOTS.resolve(name + ".png")));
	}

}
