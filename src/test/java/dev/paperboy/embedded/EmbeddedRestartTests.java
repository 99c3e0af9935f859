package dev.paperboy.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.Paperboy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded default as an operator runs it, in processes of its own: killed with
 * {@code kill -9}, started again, stopped with SIGTERM; and its PostgreSQL as another
 * local user would try it.
 */
class EmbeddedRestartTests {

	private static final Pattern JDBC_URL = Pattern.compile("PostgreSQL up in \\d+ ms at (jdbc:postgresql://\\S+)");

	@TempDir
	Path directory;

	@Test
	void aPostgresLeftByAKilledRunIsStoppedAtTheNextStartAndSigtermStopsItAfterEveryBean() throws Exception {
		ChildService first = ChildService.start(this.directory, "first.log", Paperboy.class);
		ChildService second = null;
		try {
			first.awaitStarted();
			Path postgresData = this.directory.resolve("data/postgres");
			ProcessHandle orphan = LeftoverPostgres.postmaster(postgresData.toAbsolutePath()).orElseThrow();
			first.kill();
			assertThat(orphan.isAlive()).as("kill -9 leaves the PostgreSQL running").isTrue();

			second = ChildService.start(this.directory, "second.log", ShutdownProbeChild.class).awaitStarted();
			assertThat(second.log()).contains("a PostgreSQL (pid " + orphan.pid() + ") is still running on "
					+ postgresData.toAbsolutePath() + ", left by a process that was killed; stopping it first");
			assertThat(orphan.isAlive()).isFalse();
			ProcessHandle postmaster = LeftoverPostgres.postmaster(postgresData.toAbsolutePath()).orElseThrow();

			Matcher url = JDBC_URL.matcher(second.log());
			assertThat(url.find()).isTrue();
			onlyThePasswordLetsIn(url.group(1));

			second.terminate();
			String log = second.log();
			int poolClosed = log.indexOf("HikariPool-1 - Shutdown completed");
			int probe = log.indexOf("Shutdown probe: wrote to the database after the other beans had closed");
			int stopped = log.indexOf("Embedded mode: PostgreSQL stopped");
			assertThat(poolClosed).as("the pool closed:\n%s", log).isPositive();
			assertThat(probe).as("the probe wrote after the pool had closed:\n%s", log).isGreaterThan(poolClosed);
			assertThat(stopped).as("then PostgreSQL stopped").isGreaterThan(probe);
			assertThat(postmaster.isAlive()).isFalse();
		}
		finally {
			first.ensureStopped();
			if (second != null) {
				second.ensureStopped();
			}
			// kept for a look after a failure (the directory is removed)
			for (String log : List.of("first.log", "second.log")) {
				Path written = this.directory.resolve(log);
				if (Files.exists(written)) {
					Files.copy(written, Path.of("target", "embedded-restart-" + log),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private void onlyThePasswordLetsIn(String url) throws Exception {
		Properties secrets = new Properties();
		try (var reader = Files.newBufferedReader(this.directory.resolve("data/secrets.properties"))) {
			secrets.load(reader);
		}
		String password = secrets.getProperty("paperboy.embedded.postgres-password");
		assertThat(password).hasSizeGreaterThan(40);
		assertThatExceptionOfType(SQLException.class).as("no password")
			.isThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close());
		assertThatExceptionOfType(SQLException.class).as("a wrong one")
			.isThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
			.withMessageContaining("password authentication failed");
		try (Connection connection = DriverManager.getConnection(url, "postgres", password);
				Statement statement = connection.createStatement()) {
			assertThat(setting(statement, "fsync")).isEqualTo("on");
			assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
			assertThat(setting(statement, "unix_socket_directories")).isEmpty();
		}
		Path data = this.directory.resolve("data");
		for (Path privateDirectory : new Path[] { data, data.resolve("postgres"), data.resolve("postgres-binaries") }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDirectory)))
				.as(privateDirectory.toString())
				.isEqualTo("rwx------");
		}
		assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
	}

	private static String setting(Statement statement, String name) throws SQLException {
		try (ResultSet result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
	}

}
