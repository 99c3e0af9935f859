package dev.paperboy.ingest.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.Paperboy;
import dev.paperboy.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.paperboy.StubHttpServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code paperboy import FILE...} as the command line runs it: no web server, one run per
 * file, an exit code that tells how it went.
 */
class ImportCommandTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private PrintStream stdout;

	@BeforeEach
	void captureOutput() throws SQLException {
		// The command's context shares the test database: start from an empty catalog.
		try (Connection connection = TestDatabaseConfiguration.connect()) {
			connection.createStatement().execute(DatabaseCleaner.SQL);
		}
		this.stdout = System.out;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.stdout);
	}

	@Test
	void importsEveryFileAndExitsZero() throws IOException {
		Path jsonl = write("papers.jsonl", "{\"title\": \"One\", \"abstract\": \"First.\"}\n");
		Path hf = write("daily.json", fixture("hf-daily-papers.json"));
		Path atom = write("listing.xml", fixture("arxiv-listing-cs.AI.atom.xml"));

		Result result = importFiles(jsonl.toString(), hf.toString(), atom.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.papers()).isEqualTo(1 + 1 + 7);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("papers.jsonl: SUCCEEDED, 1 new")
			.contains("daily.json: SUCCEEDED, 1 new")
			.contains("listing.xml: SUCCEEDED, 7 new");
	}

	@Test
	void exitsTwoWhenRecordsWereRejected() throws IOException {
		Path file = write("mixed.jsonl", "{\"title\": \"Good\", \"abstract\": \"Fine.\"}\n{\"title\": \"Bad\"}\n");

		Result result = importFiles(file.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.papers()).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("1 new")
			.contains("1 rejected")
			.contains("rejected line 2: missing abstract");
	}

	@Test
	void exitsOneWhenAFileCannotBeImported() throws IOException {
		Path good = write("good.jsonl", "{\"title\": \"Good\", \"abstract\": \"Fine.\"}\n");

		Result result = importFiles(this.directory.resolve("missing.jsonl").toString(), good.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.papers()).isEqualTo(1);
	}

	private Result importFiles(String... files) {
		String[] args = new String[files.length + 1];
		args[0] = "import";
		System.arraycopy(files, 0, args, 1, files.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Paperboy.class,
				TestDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.properties("paperboy.command=import")
			.run(args);
		long papers = context.getBean(JdbcClient.class).sql("select count(*) from paper").query(Long.class).single();
		return new Result(SpringApplication.exit(context), papers);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	record Result(int exitCode, long papers) {
	}

}
