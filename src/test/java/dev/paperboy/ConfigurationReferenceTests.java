package dev.paperboy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference names every {@code paperboy.*} property the
 * configuration processor finds: a setting added without documentation fails the build.
 */
class ConfigurationReferenceTests {

	@Test
	void theReadmeDocumentsEveryPaperboyProperty() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the configuration processor's metadata").isNotNull();
			metadata = JsonMapper.shared().readTree(in);
		}
		List<String> lines = Files.readAllLines(Path.of("README.md"));
		List<String> undocumented = new ArrayList<>();
		int properties = 0;
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("paperboy.")) {
				continue;
			}
			properties++;
			if (!documented(name, lines)) {
				undocumented.add(name);
			}
		}
		assertThat(properties).isGreaterThan(50);
		assertThat(undocumented).as("properties missing from the README's configuration reference").isEmpty();
	}

	// Named in full, or in a row that names its prefix and lists it as `.last` or `last`
	// (rows such as "`paperboy.ingest.arxiv.page-size`, `.max-results`" or
	// "`paperboy.matching.weights.*` ... `semantic`, `keyword`").
	private static boolean documented(String name, List<String> lines) {
		String prefix = name.substring(0, name.lastIndexOf('.'));
		String last = name.substring(name.lastIndexOf('.') + 1);
		for (String line : lines) {
			if (line.contains("`" + name + "`")) {
				return true;
			}
			if (line.startsWith("|") && line.contains(prefix + ".")
					&& (line.contains("`." + last + "`") || line.contains("`" + last + "`"))) {
				return true;
			}
		}
		return false;
	}

}
