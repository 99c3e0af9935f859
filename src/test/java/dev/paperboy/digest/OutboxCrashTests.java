package dev.paperboy.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.ScriptedSmtpServer.Received;
import dev.paperboy.ScriptedSmtpServer;
import dev.paperboy.delivery.outbox.OutboxWorkers;
import dev.paperboy.digest.render.DigestRenderer;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox killed with SIGKILL in the middle of a run, in a JVM of its own, and started
 * again: every digest arrives, and the only ones that arrive twice are those the SMTP
 * server had accepted when the kill came and the dead worker could not mark sent (at most
 * one per worker), each time with the same Message-ID.
 */
@OutboxTest
class OutboxCrashTests {

	private static final int SUBSCRIBERS = 200;

	private static final int WORKERS = 2;

	private static final int KILL_AFTER = 60;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	DigestRenderer renderer;

	@Test
	void sendsEveryDigestAfterAKillAndRepeatsOnlyTheMessagesInFlight(@Autowired PaperCatalog catalog,
			@Autowired PaperEmbedder embedder, @Autowired SubscriptionService subscriptions,
			@Autowired DigestScheduler scheduler, @Autowired OutboxWorkers outbox) throws Exception {
		// This JVM only composes; the child JVMs send.
		outbox.stop();
		try {
			DatabaseCleaner.clean(this.jdbc);
			killAndRestart(catalog, embedder, subscriptions, scheduler);
		}
		finally {
			outbox.start();
		}
	}

	private void killAndRestart(PaperCatalog catalog, PaperEmbedder embedder, SubscriptionService subscriptions,
			DigestScheduler scheduler) throws Exception {
		DueDigests.papers(catalog, embedder);
		List<String> readers = DueDigests.subscribe(subscriptions, "reader", SUBSCRIBERS);
		assertThat(DueDigests.compose(scheduler, this.jdbc).queued()).isEqualTo(SUBSCRIBERS);

		try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
			// slow enough that the kill comes in the middle of a batch
			smtp.delay(Duration.ofMillis(30));
			AtomicReference<Process> running = new AtomicReference<>();
			// Killed the moment the server has written its acceptance of the 60th
			// message: the worker that sent it is about to mark it sent, the other is
			// in the middle of one.
			smtp.afterAccepting((message) -> {
				Process process = running.get();
				if (smtp.received().size() >= KILL_AFTER && process != null) {
					process.destroyForcibly();
				}
			});
			long started = System.nanoTime();
			Process first = start(smtp, "first");
			running.set(first);
			int exit;
			try {
				assertThat(first.waitFor(180, TimeUnit.SECONDS)).as("killed within 3 minutes").isTrue();
				exit = first.exitValue();
			}
			finally {
				first.destroyForcibly().waitFor();
			}
			running.set(null);
			long killedAt = System.nanoTime();
			// a reply the server was writing as the kill came counts as accepted
			Thread.sleep(200);
			int acceptedAtKill = smtp.received().size();
			Map<String, Long> atKill = counts();
			List<Long> leased = this.jdbc.sql("select id from digest where status = 'SENDING' order by id")
				.query(Long.class)
				.list();

			Process second = start(smtp, "second");
			try {
				await().atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> counts().getOrDefault("SENT", 0L) == SUBSCRIBERS || !second.isAlive());
			}
			finally {
				second.destroyForcibly().waitFor();
			}
			long done = System.nanoTime();

			List<Received> received = smtp.received();
			List<String> repeated = received.stream()
				.collect(Collectors.groupingBy(Received::messageId, Collectors.counting()))
				.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 1)
				.map(Map.Entry::getKey)
				.toList();
			int inFlight = (int) (acceptedAtKill - atKill.getOrDefault("SENT", 0L));
			System.out.printf(
					"Outbox crash: SIGKILL (exit %d) %d ms after the start, %d of %d accepted by then, digests %s; "
							+ "%d messages in all, %d sent twice %s; all sent %d ms after the kill%n",
					exit, (killedAt - started) / 1_000_000, acceptedAtKill, SUBSCRIBERS, atKill, received.size(),
					repeated.size(), repeated, (done - killedAt) / 1_000_000);

			assertThat(exit).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
			assertThat(acceptedAtKill).isBetween(KILL_AFTER, SUBSCRIBERS - 1);
			assertThat(counts()).containsExactly(Map.entry("SENT", (long) SUBSCRIBERS));
			// Each reader got their digest, and only ever under its one Message-ID.
			assertThat(
					received.stream()
						.collect(Collectors.groupingBy((message) -> message.recipients().get(0),
								Collectors.mapping(Received::messageId, Collectors.toSet()))))
				.isEqualTo(messageIds(readers));
			// Twice: only those the server had accepted and the dead worker had not yet
			// marked sent, one per worker at most.
			assertThat(inFlight).isLessThanOrEqualTo(WORKERS);
			assertThat(repeated).hasSize(inFlight);
			assertThat(received).hasSize(SUBSCRIBERS + inFlight);
			// The ones the dead workers held went again after their lease.
			assertThat(this.jdbc.sql("select id from digest where attempts = 2 order by id").query(Long.class).list())
				.isEqualTo(leased);
		}
	}

	private Map<String, Set<String>> messageIds(List<String> readers) {
		Map<String, Set<String>> ids = new HashMap<>();
		DueDigests.messageIds(this.jdbc, this.renderer).forEach((reader, id) -> ids.put(reader, Set.of(id)));
		assertThat(ids).containsOnlyKeys(readers);
		return ids;
	}

	private Process start(ScriptedSmtpServer smtp, String name) throws IOException, SQLException {
		HikariDataSource database = this.dataSource.unwrap(HikariDataSource.class);
		Path log = Path.of("target", "outbox-crash-" + name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
						System.getProperty("java.class.path"), OutboxChild.class.getName()));
		command.addAll(List.of("--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + database.getPassword(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.port(), "--paperboy.delivery.outbox.workers=" + WORKERS,
				"--paperboy.delivery.outbox.lease=3s"));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql("select status, count(*) from digest group by status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

}
