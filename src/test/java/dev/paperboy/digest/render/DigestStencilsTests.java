package dev.paperboy.digest.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.paperboy.delivery.mime.MailBody;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.MailTemplatesTestConfiguration;
import dev.paperboy.papers.Paper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digests rendered from stencils are the templates' own rendering, byte for byte, for
 * every shape and any text; templates a stencil cannot reproduce turn stencils off.
 */
class DigestStencilsTests {

	private static final List<String> REASONS = List.of("matches your keyword 'memory'",
			"by Grace Hopper, whom you follow", "<b>bold</b> & \"quoted\" & 'single' <script>x</script>",
			"close to your interest in 'sparse attention, retrieval-augmented generation and long-context"
					+ " evaluation of large language models in the clinic'",
			"similar to 'Émile Zola’s naturalisme — 自然主義 🚀', which you liked", "in cs.LG, a category you follow",
			"a-very-long-word-that-no-line-can-hold-https://example.org/" + "x".repeat(90));

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(MailTemplatesTestConfiguration.class)
		.withBean(DigestStencils.class)
		.withPropertyValues(MailTemplatesTestConfiguration.SALT);

	@TempDir
	Path directory;

	@Test
	void fillsEveryShapeAsTheTemplatesRenderIt() {
		run(this.runner, (templates, stencils, headings, papers) -> {
			Random random = new Random(42);
			for (int n = 0; n < 400; n++) {
				DigestView view = digest(random, papers, headings);
				MailTemplates.Rendered expected = templates.render("digest", Map.of("digest", view));
				assertThat(rendered(stencils, view)).as("digest %d", n).isEqualTo(expected);
				assertThat(stencils.body(view, true).sameAs(expected.text(), expected.html())).as("digest %d", n)
					.isTrue();
			}
			assertThat(stencils.on()).isTrue();
			// daily, weekly; trending or not; two dates; up to 14 papers; some without
			// reasons
			assertThat(stencils.stencils()).isBetween(20, 400);
		});
	}

	@Test
	void templatesShowingAPapersFieldsTurnStencilsOff() throws IOException {
		String builtIn = Files.readString(Path.of("templates/mail/digest.html"));
		write("mail/digest.html", builtIn.replace("<th:block th:utext=\"${item.html}\"></th:block>",
				"<th:block th:utext=\"${item.html}\"></th:block><p th:text=\"${item.authors}\">A, B</p>"));
		run(overriding(), (templates, stencils, headings, papers) -> {
			Random random = new Random(7);
			for (int n = 0; n < 20; n++) {
				DigestView view = digest(random, papers, headings);
				assertThat(rendered(stencils, view)).isEqualTo(templates.render("digest", Map.of("digest", view)));
			}
			assertThat(stencils.on()).isFalse();
			assertThat(stencils.stencils()).isZero();
		});
	}

	@Test
	void aSampleRenderedInFullCatchesWhatTheFirstDigestOfAShapeDidNot() throws IOException {
		// long reasons get a note: the first digest's are short, like the marker
		String builtIn = Files.readString(Path.of("templates/mail/digest.txt"));
		write("mail/digest.txt", builtIn.replace("[(${#mail.wrap('Why: ' + item.why, indent, indent)})]",
				"[(${#mail.wrap('Why: ' + item.why, indent, indent)})][# th:if=\"${#strings.length(item.why) > 40}\"]"
						+ " (and more)[/]"));
		run(overriding(), (templates, stencils, headings, papers) -> {
			assertThat(rendered(stencils, fixed(papers, headings, "short")))
				.isEqualTo(templates.render("digest", Map.of("digest", fixed(papers, headings, "short"))));
			assertThat(stencils.on()).isTrue();
			DigestView longer = fixed(papers, headings, "a reason well over forty characters long, to be noted");
			MailTemplates.Rendered full = templates.render("digest", Map.of("digest", longer));
			int wrong = 0;
			for (int n = 0; n < DigestStencils.SAMPLE; n++) {
				if (!rendered(stencils, longer).equals(full)) {
					wrong++;
				}
			}
			assertThat(stencils.on()).isFalse();
			assertThat(wrong).as("filled before the sample caught it").isEqualTo(DigestStencils.SAMPLE - 1);
			assertThat(rendered(stencils, longer)).isEqualTo(full);
		});
	}

	private ApplicationContextRunner overriding() {
		return this.runner.withPropertyValues("paperboy.delivery.templates.directory=" + this.directory);
	}

	private static void run(ApplicationContextRunner runner, Check check) {
		runner.run((context) -> {
			MailTemplates templates = context.getBean(MailTemplates.class);
			check.run(templates, context.getBean(DigestStencils.class), new PaperHeadings(templates), papers());
		});
	}

	private interface Check {

		void run(MailTemplates templates, DigestStencils stencils, PaperHeadings headings, List<Paper> papers);

	}

	// As text, as previews get it
	private static MailTemplates.Rendered rendered(DigestStencils stencils, DigestView view) {
		MailBody body = stencils.body(view, false);
		return new MailTemplates.Rendered(body.text(), body.html());
	}

	private static List<Paper> papers() {
		List<Paper> papers = new ArrayList<>(DigestSamples.demoPapers(30));
		papers.add(DigestSamples.paper(30, DigestTemplatesTests.HOSTILE_TITLE,
				"An abstract with <b>markup</b> & \"quotes\"."));
		return papers;
	}

	private static DigestView digest(Random random, List<Paper> papers, PaperHeadings headings) {
		List<Paper> pool = new ArrayList<>(papers);
		Collections.shuffle(pool, random);
		int count = 1 + random.nextInt(14);
		boolean trending = random.nextInt(5) == 0;
		List<DigestView.Item> items = new ArrayList<>();
		for (Paper paper : pool.subList(0, count)) {
			List<String> reasons = new ArrayList<>();
			int many = trending ? 0 : (random.nextInt(8) == 0) ? 0 : 1 + random.nextInt(3);
			for (int i = 0; i < many; i++) {
				reasons.add(REASONS.get(random.nextInt(REASONS.size())));
			}
			String token = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
			items.add(headings.item(items.size() + 1, paper, reasons,
					DigestSamples.link("/feedback/" + token + "?vote=more&n=" + items.size()),
					DigestSamples.link("/feedback/" + token + "?vote=less")));
		}
		String token = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
		DigestView.Links links = new DigestView.Links(DigestSamples.link("/manage/" + token),
				DigestSamples.link("/unsubscribe/" + token), DigestSamples.link("/digests/" + token + "?a=1&b=2"),
				DigestSamples.link("/feed/" + token));
		return new DigestView("reader" + random.nextInt(1000) + "@lab.example.org",
				random.nextBoolean() ? DigestSamples.DATE : LocalDate.of(2026, 11, 30),
				random.nextBoolean() ? "daily" : "weekly", trending, items, links, DigestSamples.sender());
	}

	private static DigestView fixed(List<Paper> papers, PaperHeadings headings, String reason) {
		List<DigestView.Item> items = new ArrayList<>();
		for (Paper paper : papers.subList(0, 3)) {
			items.add(headings.item(items.size() + 1, paper, List.of(reason), DigestSamples.link("/more"),
					DigestSamples.link("/less")));
		}
		return new DigestView("bea@lab.example.org", DigestSamples.DATE, "daily", false, items, DigestSamples.links(),
				DigestSamples.sender());
	}

	private void write(String name, String content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
