package dev.paperboy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber erased in a JVM that is killed with SIGKILL while digest and matching are
 * handling the erasure (their listeners held up by row locks this test takes on the
 * subscriber's schedule and vector): the erasure is stored, its handling is not. Started
 * again on the same database, the service hands the stored publications to the listeners
 * again, and every row of the subscriber goes.
 */
@PaperboyTest
class ErasureCrashTests {

	private static final String ERASED = "select count(*) from event_publication where event_type like '%$Erased'";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void anErasureInterruptedByAKillCompletesAfterTheRestart(@Autowired SubscriptionService subscriptions,
			@Autowired PaperCatalog catalog, @Autowired PaperEmbedder embedder) throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		catalog.save(List.of(new PaperRecord("huggingface", "2601.00001", "Spiking neural networks", "An abstract.",
				List.of("Ada Lovelace"), List.of(), PaperLinks.forArxiv("2601.00001"), null, null, 10, 0, List.of(),
				null)));
		embedder.embedAll();
		ClientInfo operator = new ClientInfo("127.0.0.1", "test");
		Profile profile = new Profile("Spiking neural networks", "", List.of(), List.of(), Profile.Cadence.DAILY,
				java.time.DayOfWeek.MONDAY, 7, java.time.ZoneId.of("UTC"), 5);
		long id = subscriptions.importActive(EmailAddress.parse("erased@example.org").orElseThrow(), profile, List.of(),
				operator);
		long kept = subscriptions.importActive(EmailAddress.parse("kept@example.org").orElseThrow(), profile, List.of(),
				operator);
		SubscriberEvents.awaitHandled(this.jdbc);
		digest(id);
		digest(kept);
		assertThat(rows(id)).as("digest, digest_paper, digest_schedule, profile_embedding")
			.containsExactly(1L, 1L, 1L, 1L);

		Process first;
		try (Connection locks = this.dataSource.getConnection()) {
			locks.setAutoCommit(false);
			lock(locks, "select 1 from digest_schedule where subscriber_id = ? for update", id);
			lock(locks, "select 1 from profile_embedding where subscriber_id = ? for update", id);
			first = start(id, "first");
			try {
				// Stored with the erasure, and both listeners stuck on the locks.
				await().atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> count(ERASED + " and completion_date is null") == 2 && waitingOnLocks() >= 2
							|| !first.isAlive());
				assertThat(first.isAlive()).as("the first JVM is running (see target/erasure-crash-first.log)")
					.isTrue();
			}
			finally {
				first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			locks.rollback();
		}
		assertThat(first.exitValue()).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
		assertThat(count("select count(*) from subscriber where id = " + id)).as("the erasure committed").isZero();
		// The killed JVM's sessions roll back once the locks are gone.
		await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 0);
		assertThat(rows(id)).as("nothing erased in digest and matching yet").containsExactly(1L, 1L, 1L, 1L);
		assertThat(count(ERASED + " and completion_date is null")).isEqualTo(2);

		Process second = start(0, "second");
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> count(ERASED + " and completion_date is null") == 0 || !second.isAlive());
			assertThat(second.isAlive()).as("the second JVM is running (see target/erasure-crash-second.log)").isTrue();
		}
		finally {
			second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(rows(id)).as("digest, digest_paper, digest_schedule, profile_embedding")
			.containsExactly(0L, 0L, 0L, 0L);
		assertThat(rows(kept)).containsExactly(1L, 1L, 1L, 1L);
		assertThat(count(ERASED + " and completion_date is not null and status = 'COMPLETED'"))
			.as("digest's and matching's publications of the erasure")
			.isEqualTo(2);
	}

	private void digest(long subscriberId) {
		long digest = this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status) values (?, '2026-11-20', now(), 'SENT')
				returning id""").param(subscriberId).query(Long.class).single();
		this.jdbc.sql("""
				insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
				select ?, ?, min(id), 1, 0.5, '{}' from paper""").param(digest).param(subscriberId).update();
	}

	private List<Long> rows(long subscriberId) {
		return this.jdbc.sql("""
				select (select count(*) from digest where subscriber_id = :id)
				union all select (select count(*) from digest_paper where subscriber_id = :id)
				union all select (select count(*) from digest_schedule where subscriber_id = :id)
				union all select (select count(*) from profile_embedding where subscriber_id = :id)
				""").param("id", subscriberId).query(Long.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private long waitingOnLocks() {
		return count("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""");
	}

	private static void lock(Connection connection, String sql, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			assertThat(statement.executeQuery().next()).isTrue();
		}
	}

	private Process start(long erase, String name) throws IOException, SQLException {
		HikariDataSource database = this.dataSource.unwrap(HikariDataSource.class);
		Path log = Path.of("target", "erasure-crash-" + name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
						System.getProperty("java.class.path"), ErasureChild.class.getName(), Long.toString(erase)));
		command.addAll(List.of("--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + database.getPassword(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMailConfiguration.mail().getSmtp().getPort()));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
