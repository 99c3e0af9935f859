package dev.paperboy.delivery.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.paperboy.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which file each mail template comes from: the operator's directory
 * ({@code paperboy.delivery.templates.directory}) when it holds one of that name, else
 * the bundled one. Resolved as {@link MailTemplateConfiguration}'s resolvers do.
 */
@Component
public class TemplateSources {

	private final @Nullable Path directory;

	TemplateSources(DeliveryProperties properties) {
		this.directory = properties.templates().directory();
	}

	/**
	 * One template file.
	 *
	 * @param file its name under {@code mail/} ({@code digest.html})
	 * @param overridden whether the operator's file is in force
	 * @param location where it is read from
	 */
	public record Source(String file, boolean overridden, String location) {
	}

	/**
	 * @param template a mail's templates' name ({@code digest})
	 * @return the files that make that mail, and where each comes from
	 */
	public List<Source> of(String template) {
		List<String> files = new ArrayList<>(List.of(template + ".html", template + ".txt"));
		if (template.equals("digest")) {
			files.addAll(List.of("digest-paper.html", "digest-paper.txt"));
		}
		else {
			files.add("layout.html");
		}
		return files.stream().map(this::source).toList();
	}

	private Source source(String file) {
		if (this.directory != null) {
			Path override = this.directory.resolve("mail").resolve(file);
			if (Files.isRegularFile(override)) {
				return new Source(file, true, override.toAbsolutePath().normalize().toString());
			}
		}
		return new Source(file, false, "bundled: templates/mail/" + file);
	}

}
