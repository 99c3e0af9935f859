package dev.paperboy.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, with no browser download and no traffic of its
 * own: the tests only ever reach the application on 127.0.0.1.
 */
public final class Chromium {

	static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			// resolve no host name at all (the pages link to the public URL, which
			// is not this machine): the tests use 127.0.0.1, which needs no resolving
			"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--dns-prefetch-disable");

	private Chromium() {
	}

	/**
	 * Starts Playwright and Chromium; fails (never skips) when Chromium is not installed.
	 * @return Playwright, to close when done, and the browser it launched
	 */
	public static Launched launch() {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new AssertionError("Chromium is not installed at " + EXECUTABLE + ": the browser tests need it. "
					+ "Install Debian's package: apt-get install chromium (.ci/run does this before the build)");
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
			return new Launched(playwright, browser);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	/**
	 * Whether a URL is on this machine's loopback address, the only host a test may
	 * reach.
	 * @param url an absolute URL
	 * @return whether it is local
	 */
	public static boolean isLocal(String url) {
		if (url.startsWith("data:") || url.startsWith("about:")) {
			return true;
		}
		try {
			return "127.0.0.1".equals(java.net.URI.create(url).getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public record Launched(Playwright playwright, Browser browser) implements AutoCloseable {

		@Override
		public void close() {
			this.playwright.close();
		}

	}

}
