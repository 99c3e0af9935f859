package dev.paperboy.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * axe-core (the test WebJar) run on a page: its serious and critical violations, each as
 * one readable line. The script is evaluated through the DevTools protocol, which the
 * pages' Content-Security-Policy does not apply to, so the pages keep their policy.
 */
public final class Axe {

	static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static final String SOURCE = load();

	// Frames are left out: the console shows emails in sandboxed frames that no script
	// (axe's included) may enter, and their HTML is the mail's, checked as the digest's
	// web copy. label-content-name-mismatch is experimental in axe 4.6, on here because a
	// button whose spoken name differs from its text cannot be used by voice.
	private static final String RUN = """
			async () => {
				const results = await axe.run(document, {
					iframes: false,
					resultTypes: ['violations'],
					rules: { 'label-content-name-mismatch': { enabled: true } }
				});
				return results.violations
					.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
					.flatMap((violation) => violation.nodes.map((node) => violation.id + ' (' + violation.impact
						+ '): ' + violation.help + ' at ' + node.target.join(' ') + '\\n    '
						+ (node.failureSummary || '').replaceAll('\\n', '\\n    ')));
			}""";

	private Axe() {
	}

	/**
	 * @param page a loaded page
	 * @return one line per element with a serious or critical violation, empty when none
	 */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(Page page) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			page.evaluate(SOURCE);
		}
		return (List<String>) page.evaluate(RUN);
	}

	private static String load() {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException(SCRIPT + " is not on the class path (the axe-core test WebJar)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
