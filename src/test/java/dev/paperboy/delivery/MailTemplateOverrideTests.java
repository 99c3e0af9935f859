package dev.paperboy.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.paperboy.digest.render.DigestView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates in {@code paperboy.delivery.templates.directory} replace the built-in ones of
 * the same name, and only those.
 */
class MailTemplateOverrideTests {

	static final DigestView DIGEST = new DigestView("bea@lab.example.org", LocalDate.of(2026, 11, 23), "daily", false,
			List.of(new DigestView.Item(1, "2611.00001", "A paper", "https://arxiv.org/abs/2611.00001", "A, B",
					"A summary.", 12, null, null, List.of(), "https://papers.example.org/more/1",
					"https://papers.example.org/less/1")),
			new DigestView.Links("https://papers.example.org/manage", "https://papers.example.org/unsubscribe",
					"https://papers.example.org/view", "https://papers.example.org/feed"),
			new DigestView.Sender("Paperboy", "https://papers.example.org", "", ""));

	static final Map<String, Object> CONFIRMATION = Map.of("confirmUrl", "https://papers.example.org/confirm/t",
			"validHours", 48, "siteUrl", "https://papers.example.org", "unsubscribeUrl",
			"https://papers.example.org/unsubscribe/t");

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(MailTemplatesTestConfiguration.class)
		.withPropertyValues(MailTemplatesTestConfiguration.SALT);

	@TempDir
	Path directory;

	@Test
	void aTextTemplateInTheDirectoryReplacesOnlyThatPart() throws IOException {
		write("mail/digest.txt", "Custom: [(${digest.papers[0].title})] for [(${digest.recipient})]\n");
		this.runner.withPropertyValues("paperboy.delivery.templates.directory=" + this.directory).run((context) -> {
			MailTemplates templates = context.getBean(MailTemplates.class);
			MailTemplates.Rendered digest = templates.render("digest", Map.of("digest", DIGEST));
			assertThat(digest.text()).isEqualTo("Custom: A paper for bea@lab.example.org\n");
			assertThat(digest.html()).as("the built-in HTML").contains(">Your daily papers</h1>");
			assertThat(templates.render("confirmation", CONFIRMATION).text()).startsWith("Confirm your subscription");
		});
	}

	@Test
	void anHtmlTemplateInTheDirectoryReplacesOnlyThatPart() throws IOException {
		write("mail/digest.html",
				"<!DOCTYPE html><html><body><h1 th:text=\"${digest.papers[0].title}\">x</h1>" + "</body></html>");
		this.runner.withPropertyValues("paperboy.delivery.templates.directory=" + this.directory).run((context) -> {
			MailTemplates.Rendered digest = context.getBean(MailTemplates.class)
				.render("digest", Map.of("digest", DIGEST));
			assertThat(digest.html()).isEqualTo("<!DOCTYPE html><html><body><h1>A paper</h1></body></html>");
			assertThat(digest.text()).as("the built-in text").startsWith("Your daily papers · Monday 23 November 2026");
		});
	}

	@Test
	void builtInTemplatesWithoutADirectory() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(FileTemplateResolver.class);
			assertThat(context.getBean(MailTemplates.class).render("digest", Map.of("digest", DIGEST)).text())
				.startsWith("Your daily papers");
		});
	}

	@Test
	void refusesToStartWithADirectoryThatIsNotThere() {
		this.runner.withPropertyValues("paperboy.delivery.templates.directory=" + this.directory.resolve("missing"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("paperboy.delivery.templates.directory is not a directory"));
	}

	private void write(String name, String content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
