package dev.paperboy.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.paperboy.ApiClient;
import dev.paperboy.Paperboy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a newcomer starts it: no configuration at all, so an embedded PostgreSQL
 * with its data under the data directory, and the demo papers imported once.
 */
class EmbeddedModeTests {

	@TempDir
	Path data;

	@Test
	void startsOnEmbeddedPostgresWithTheDemoPapersAndKeepsThemAcrossARestart() throws IOException {
		long demoPapers = demoLines();

		try (ConfigurableApplicationContext first = start()) {
			assertThat(count(first, "select count(*) from paper")).isEqualTo(demoPapers);
			JsonNode page = ApiClient.json(api(first).get("/api/v1/papers?q=memory"));
			assertThat(page.get("total").asInt()).isPositive();
			assertThat(page.get("papers").get(0).get("abstract").asString().toLowerCase()).contains("memor");
		}
		assertThat(this.data.resolve("postgres/PG_VERSION")).exists();

		try (ConfigurableApplicationContext second = start()) {
			assertThat(count(second, "select count(*) from paper")).isEqualTo(demoPapers);
			assertThat(count(second, "select count(*) from fetch_run where source = 'demo'")).isEqualTo(1);
		}
	}

	@Test
	void startsWhenAKilledRunLeftItsPostgresRunningOnTheDataDirectory() throws Exception {
		Path directory = this.data.resolve("postgres").toAbsolutePath().normalize();
		Files.createDirectories(directory);
		// What kill -9 leaves: a postmaster on the data directory whose starter is gone.
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LeftoverPostgresChild.class.getName(), directory.toString())
			.inheritIO()
			.start();
		assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(child.exitValue()).isZero();
		ProcessHandle leftover = LeftoverPostgres.postmaster(directory).orElseThrow();

		try (ConfigurableApplicationContext context = start()) {
			assertThat(leftover.isAlive()).isFalse();
			assertThat(count(context, "select count(*) from paper")).isEqualTo(demoLines());
		}
		finally {
			leftover.destroy();
		}
		assertThat(LeftoverPostgres.postmaster(directory)).as("stopped with the context").isEmpty();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(Paperboy.class)
			.properties("paperboy.embedded.data-dir=" + this.data, "server.port=0", "paperboy.scheduling.enabled=false")
			.run();
	}

	private static ApiClient api(ConfigurableApplicationContext context) {
		return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static long count(ConfigurableApplicationContext context, String sql) {
		return context.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
	}

	private static long demoLines() throws IOException {
		try (InputStream in = new ClassPathResource("demo/papers.jsonl").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.count();
		}
	}

}
