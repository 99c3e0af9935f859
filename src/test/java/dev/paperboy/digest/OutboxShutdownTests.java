package dev.paperboy.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.ScriptedSmtpServer;
import dev.paperboy.ScriptedSmtpServer.Received;
import dev.paperboy.delivery.outbox.OutboxWorkers;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox stopped in the middle of a send run, in a JVM of its own, with the default
 * 5-minute lease: after a SIGTERM every message the server accepted is recorded sent and
 * the rest is free at once, so the next start sends each remaining digest exactly once
 * without waiting; after a SIGKILL the next start (or any live instance) gives the dead
 * instance's claims back within seconds of its last heartbeat.
 */
@OutboxTest
class OutboxShutdownTests {

	private static final int SUBSCRIBERS = 200;

	private static final int WORKERS = 2;

	// in the middle of a batch (of 10)
	private static final int STOP_AFTER = 45;

	// Far longer than the test waits: nothing may wait for a lease to run out.
	private static final String LEASE = "5m";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	OutboxWorkers outbox;

	@BeforeEach
	void compose(@Autowired PaperCatalog catalog, @Autowired PaperEmbedder embedder,
			@Autowired SubscriptionService subscriptions, @Autowired DigestScheduler scheduler) {
		// This JVM only composes; the child JVMs send.
		this.outbox.stop();
		DatabaseCleaner.clean(this.jdbc);
		DueDigests.papers(catalog, embedder);
		DueDigests.subscribe(subscriptions, "reader", SUBSCRIBERS);
		assertThat(DueDigests.compose(scheduler, this.jdbc).queued()).isEqualTo(SUBSCRIBERS);
	}

	@Test
	void aStopRecordsTheMessagesInHandAndGivesTheRestBackAtOnce() throws Exception {
		try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
			smtp.delay(Duration.ofMillis(30));
			AtomicLong signalled = new AtomicLong();
			Process first = stopMidRun(smtp, "stop-first", (process) -> {
				signalled.set(System.nanoTime());
				process.destroy();
			});
			assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
			long exited = System.nanoTime();
			Thread.sleep(200);
			int accepted = smtp.received().size();
			Map<String, Long> atStop = counts();
			System.out.printf("Outbox stop: SIGTERM after %d accepted, exit %d after %d ms, digests %s%n", STOP_AFTER,
					first.exitValue(), (exited - signalled.get()) / 1_000_000, atStop);

			assertThat(first.exitValue()).as("exit status after SIGTERM").isEqualTo(128 + 15);
			// Every message the server accepted is recorded: none goes twice.
			assertThat(atStop.getOrDefault("SENT", 0L)).isEqualTo(accepted);
			assertThat(atStop).doesNotContainKey("SENDING");
			assertThat(this.jdbc.sql("""
					select count(*) from digest where status <> 'SENT'
					and (lease_until is not null or next_attempt_at > now() or attempts <> 0)
					""").query(Long.class).single()).as("digests given back: free now, attempt not counted").isZero();

			sendTheRest(smtp, "stop-second");
			assertThat(repeated(smtp.received())).isEmpty();
			assertThat(smtp.received()).hasSize(SUBSCRIBERS);
		}
	}

	@Test
	void aKilledInstancesDigestsGoAgainWithinSecondsNotAfterTheLease() throws Exception {
		try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start()) {
			smtp.delay(Duration.ofMillis(30));
			Process first = stopMidRun(smtp, "kill-first", Process::destroyForcibly);
			assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("killed within 90 s").isTrue();
			Thread.sleep(200);
			int accepted = smtp.received().size();
			Map<String, Long> atKill = counts();
			System.out.printf("Outbox kill: SIGKILL after %d accepted, digests %s%n", STOP_AFTER, atKill);
			assertThat(first.exitValue()).isEqualTo(128 + 9);
			assertThat(atKill.getOrDefault("SENDING", 0L)).as("claimed by the dead instance").isPositive();
			int inFlight = (int) (accepted - atKill.getOrDefault("SENT", 0L));

			sendTheRest(smtp, "kill-second");
			// Twice: only those accepted and not yet recorded when the kill came, with
			// the
			// same Message-ID.
			assertThat(inFlight).isLessThanOrEqualTo(WORKERS);
			assertThat(repeated(smtp.received())).hasSize(inFlight);
			assertThat(smtp.received()).hasSize(SUBSCRIBERS + inFlight);
		}
	}

	// Starts a child that sends, and signals it once the server has accepted STOP_AFTER
	// messages.
	private Process stopMidRun(ScriptedSmtpServer smtp, String name, Consumer<Process> signal) throws Exception {
		AtomicReference<Process> running = new AtomicReference<>();
		AtomicBoolean signalled = new AtomicBoolean();
		smtp.afterAccepting((message) -> {
			Process process = running.get();
			if (smtp.received().size() >= STOP_AFTER && process != null && signalled.compareAndSet(false, true)) {
				signal.accept(process);
			}
		});
		Process process = start(smtp, name);
		running.set(process);
		return process;
	}

	// A second instance sends the rest, well within the lease.
	private void sendTheRest(ScriptedSmtpServer smtp, String name) throws Exception {
		smtp.afterAccepting((message) -> {
		});
		long started = System.nanoTime();
		Process second = start(smtp, name);
		try {
			await().atMost(Duration.ofSeconds(150))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> counts().getOrDefault("SENT", 0L) == SUBSCRIBERS || !second.isAlive());
		}
		finally {
			second.destroy();
			second.waitFor(60, TimeUnit.SECONDS);
			second.destroyForcibly().waitFor();
		}
		System.out.printf("Outbox restart: all sent %d ms after the second start%n",
				(System.nanoTime() - started) / 1_000_000);
		assertThat(counts()).containsExactly(Map.entry("SENT", (long) SUBSCRIBERS));
	}

	private static List<String> repeated(List<Received> received) {
		return received.stream()
			.collect(Collectors.groupingBy(Received::messageId, Collectors.counting()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.toList();
	}

	private Process start(ScriptedSmtpServer smtp, String name) throws IOException, SQLException {
		HikariDataSource database = this.dataSource.unwrap(HikariDataSource.class);
		Path log = Path.of("target", "outbox-" + name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
						System.getProperty("java.class.path"), OutboxChild.class.getName()));
		command.addAll(List.of("--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + database.getPassword(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.port(), "--paperboy.delivery.outbox.workers=" + WORKERS,
				"--paperboy.delivery.outbox.batch-size=10", "--paperboy.delivery.outbox.lease=" + LEASE,
				"--paperboy.instance.heartbeat=1s", "--paperboy.instance.missed-beats=2"));
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
