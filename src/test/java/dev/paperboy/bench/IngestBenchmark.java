package dev.paperboy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.paperboy.Paperboy;
import dev.paperboy.TestDatabaseConfiguration;
import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingest throughput: writes a JSON Lines file of N papers built from the shared samples
 * (realistic abstracts, five authors, categories, dates, half with arXiv ids), imports it
 * into a real PostgreSQL through the same code path as {@code paperboy import}, then
 * imports it again (every record unchanged). Prints papers per second for both.
 *
 * <p>
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.papers=10000}
 */
public final class IngestBenchmark {

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int papers = Integer.getInteger("bench.papers", 10_000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		Path file = Files.createTempFile("paperboy-bench", ".jsonl");
		long bytes = writePapers(file, papers, samples());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Paperboy.class,
				TestDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.properties("logging.level.root=WARN", "paperboy.ingest.http.read-timeout=2s")
			.run()) {
			FileImporter importer = context.getBean(FileImporter.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			System.out.printf(Locale.ROOT, "Ingest benchmark: %,d papers, %.1f MB JSON Lines, %d cores, Java %s%n",
					papers, bytes / 1e6, Runtime.getRuntime().availableProcessors(), Runtime.version());
			for (int round = 1; round <= rounds; round++) {
				jdbc.sql("truncate paper, paper_popularity, fetch_run, fetch_rejection cascade").update();
				report("round " + round + " new      ", importer.importFile(file, Trigger.COMMAND));
				report("round " + round + " unchanged", importer.importFile(file, Trigger.COMMAND));
			}
		}
		finally {
			Files.deleteIfExists(file);
			// the tests' SMTP server would keep the JVM alive
			dev.paperboy.TestMailConfiguration.mail().stop();
		}
	}

	private static void report(String label, FetchRun run) {
		double seconds = (run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0;
		int records = run.added() + run.updated() + run.unchanged() + run.rejected();
		System.out.printf(Locale.ROOT,
				"%s: %,6d records in %6.2f s = %,8.0f papers/s (%d new, %d unchanged, %d rejected)%n", label, records,
				seconds, records / seconds, run.added(), run.unchanged(), run.rejected());
	}

	private static List<JsonNode> samples() throws IOException {
		List<JsonNode> samples = new ArrayList<>();
		Path directory = Path.of(System.getProperty("bench.samples", "../shared/samples"));
		try (var files = Files.list(directory)) {
			for (Path sample : files.filter((path) -> path.toString().endsWith(".jsonl")).sorted().toList()) {
				for (String line : Files.readAllLines(sample)) {
					if (!line.isBlank()) {
						samples.add(JsonMapper.shared().readTree(line));
					}
				}
			}
		}
		return samples;
	}

	private static long writePapers(Path file, int count, List<JsonNode> samples) throws IOException {
		String[] categories = { "cs.AI", "cs.CL", "cs.LG", "cs.CV", "stat.ML", "q-bio.NC" };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				JsonNode sample = samples.get(i % samples.size());
				Map<String, Object> paper = new LinkedHashMap<>();
				paper.put("title", sample.get("title").asString() + " (variant " + i + ")");
				paper.put("abstract", sample.get("abstract").asString());
				if (i % 2 == 0) {
					paper.put("arxivId", String.format(Locale.ROOT, "2601.%05d", i));
				}
				paper.put("authors", List.of("Author A" + i, "Author B" + (i % 97), "Author C" + (i % 31),
						"Author D" + (i % 13), "Author E"));
				paper.put("categories",
						List.of(categories[i % categories.length], categories[(i + 1) % categories.length]));
				paper.put("publishedOn", String.format(Locale.ROOT, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28));
				paper.put("upvotes", i % 200);
				out.write(JsonMapper.shared().writeValueAsString(paper));
				out.newLine();
			}
		}
		return Files.size(file);
	}

}
