package dev.paperboy.digest.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.paperboy.browser.Chromium;
import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.MailTemplatesTestConfiguration;
import dev.paperboy.papers.Paper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest as people see it, in Debian's Chromium: on a phone and a desktop, light and
 * dark, as an email and as its web page. Saves screenshots under
 * {@code target/screenshots/digest-*.png}.
 */
@SpringBootTest(classes = MailTemplatesTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = MailTemplatesTestConfiguration.SALT)
class DigestBrowserTests {

	static final int PHONE = 375;

	static final int DESKTOP = 1200;

	static Chromium.Launched chromium;

	@Autowired
	MailTemplates templates;

	@Autowired
	ITemplateEngine engine;

	final List<String> requests = new CopyOnWriteArrayList<>();

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

	@Test
	void fitsAPhoneScreenWithoutScrollingSideways() {
		List<Paper> papers = new ArrayList<>(DigestSamples.demoPapers(4));
		papers.add(DigestSamples.paper(4,
				"Tokenizers_that_never_break_their_identifiers_AnExtremelyLongUnbrokenWordThatWouldOverflowAPhone",
				"An abstract whose link https://example.org/a/very/long/path/that/goes/on/and/on/without/any/space/at/all/"
						+ "until/it/is/wider/than/a/phone never breaks on its own."));
		String html = mail(DigestSamples.digest(papers, false));
		for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
			Page page = open(html, PHONE, scheme);
			assertThat(scrollWidth(page)).as("page width at %d px, %s", PHONE, scheme).isLessThanOrEqualTo(PHONE + 1);
			screenshot(page, "digest-phone" + suffix(scheme));
			page.context().close();
		}
	}

	@Test
	void readsWellOnADesktop() {
		String html = mail(DigestSamples.digest(DigestSamples.demoPapers(10), false));
		for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
			Page page = open(html, DESKTOP, scheme);
			assertThat(scrollWidth(page)).isLessThanOrEqualTo(DESKTOP);
			// the card stays at most 600 px wide, centred
			assertThat(((Number) page.evaluate("document.querySelector('.pb-card').getBoundingClientRect().width"))
				.doubleValue()).isLessThanOrEqualTo(600);
			screenshot(page, "digest-desktop" + suffix(scheme));
			page.context().close();
		}
	}

	@Test
	void staysLegibleWhenAClientInvertsItsColours() {
		// roughly what mail apps that force a dark mode do to a message without asking
		Page page = open(mail(DigestSamples.digest(DigestSamples.demoPapers(3), false)), PHONE, ColorScheme.LIGHT);
		page.addStyleTag(new Page.AddStyleTagOptions().setContent("html { filter: invert(1) hue-rotate(180deg); }"));
		screenshot(page, "digest-phone-inverted");
		page.context().close();
	}

	@Test
	void darkModeTurnsTheCardDark() {
		Page page = open(mail(DigestSamples.digest(DigestSamples.demoPapers(2), false)), PHONE, ColorScheme.DARK);
		assertThat(page.evaluate("getComputedStyle(document.querySelector('.pb-card')).backgroundColor"))
			.isEqualTo("rgb(31, 31, 33)");
		assertThat(page.evaluate("getComputedStyle(document.querySelector('h1')).color"))
			.isEqualTo("rgb(236, 236, 236)");
		page.context().close();
	}

	@Test
	void trendingDigestSaysWhy() {
		Page page = open(mail(DigestSamples.digest(DigestSamples.demoPapers(3), true)), PHONE, ColorScheme.LIGHT);
		assertThat(page.locator("h1").textContent()).isEqualTo("Today's trending papers");
		assertThat(page.locator(".pb-note").textContent()).contains("not a selection for you");
		screenshot(page, "digest-trending-phone");
		page.context().close();
	}

	@Test
	void webCopyIsTheEmailWithoutPreheaderAndUnindexed() {
		Context context = new Context(Locale.ENGLISH, Map.of("digest",
				DigestSamples.digest(DigestSamples.demoPapers(3), false), "brand", Brand.defaults("Paperboy")));
		String html = this.engine.process("public/digest", context);
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
			.contains("<meta name=\"referrer\" content=\"no-referrer\">")
			.doesNotContain("View in your browser")
			.doesNotContain("display:none");
		Page page = open(html, DESKTOP, ColorScheme.LIGHT);
		assertThat(page.title()).isEqualTo("Your daily papers · Monday 23 November 2026");
		screenshot(page, "digest-web-desktop");
		page.context().close();
	}

	private String mail(DigestView digest) {
		return this.templates.render("digest", Map.of("digest", digest)).html();
	}

	private Page open(String html, int width, ColorScheme scheme) {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(width, 800).setColorScheme(scheme));
		// an email loads nothing: no images, fonts or scripts from anywhere
		context.route("**/*", (route) -> {
			this.requests.add(route.request().url());
			route.abort();
		});
		Page page = context.newPage();
		page.setContent(html);
		assertThat(this.requests).as("requests made by the digest").isEmpty();
		return page;
	}

	private static int scrollWidth(Page page) {
		return ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	private static String suffix(ColorScheme scheme) {
		return (scheme == ColorScheme.DARK) ? "-dark" : "";
	}

}
