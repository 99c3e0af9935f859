package dev.paperboy.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.ingest.files.FileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import running when the service shuts down ends after its batch in hand: what it
 * saved is whole, and the run is recorded as failed with the reason, not left RUNNING.
 */
@PaperboyTest
@TestPropertySource(properties = "paperboy.ingest.batch-size=100")
// The shutdown signal below reaches every part of this context: close it after the class.
@DirtiesContext
class ImportShutdownTests {

	private static final int LINES = 20_000;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportEndsAfterItsBatchInHandWhenTheServiceShutsDown(@Autowired FileImporter importer,
			@Autowired FetchService fetches, @Autowired ConfigurableApplicationContext context, @TempDir Path directory)
			throws IOException {
		DatabaseCleaner.clean(this.jdbc);
		StringBuilder lines = new StringBuilder();
		for (int i = 1; i <= LINES; i++) {
			lines.append("{\"title\": \"Paper ")
				.append(i)
				.append("\", \"abstract\": \"About ")
				.append(i)
				.append(".\"}\n");
		}
		Path file = Files.writeString(directory.resolve("papers.jsonl"), lines);

		FetchRun run = importer.begin("papers.jsonl", file, Trigger.IMPORT);
		// what the context's close announces first, before any bean stops
		context.publishEvent(new ContextClosedEvent(context));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> fetches.find(run.id()).orElseThrow().status() != FetchRun.Status.RUNNING);
		FetchRun ended = fetches.find(run.id()).orElseThrow();
		assertThat(ended.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(ended.message()).startsWith("the service shut down before the run finished");
		long papers = this.jdbc.sql("select count(*) from paper").query(Long.class).single();
		assertThat(papers).as("what it saved").isEqualTo(ended.added()).isPositive().isLessThan(LINES);
	}

}
