package dev.paperboy.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The fault suite: the packaged service in its own process, on its own PostgreSQL or on
 * the embedded default, killed ({@code kill -9}) or stopped (SIGTERM) while it imports,
 * embeds, composes and sends; its database stopped for 30 s; its SMTP server refusing
 * connections or stalling after DATA; its disk full. After each: every due reader got
 * exactly one digest (a {@code kill -9} may repeat the messages in flight, one per outbox
 * worker), no paper lost or duplicated, no run left RUNNING, and the service healthy
 * again without a manual step. Each scenario appends its row to
 * {@code target/faults/outcomes.md}. Long: {@code ./mvnw -Pfaults test}; the short
 * version (tag {@code faults-short}) runs in {@code .ci/run}.
 */
@Tag("faults")
class FaultSuiteTests {

	// Outbox workers by default: the most messages in flight when the JVM dies.
	private static final int IN_FLIGHT = 2;

	// After a restart, the rest goes out in seconds: nothing waits for the 5-minute
	// lease.
	private static final Duration AFTER_RESTART = Duration.ofSeconds(90);

	// Under target/, not /tmp: a scenario's databases and logs stay there for a look
	// afterwards, out of reach of anything that cleans /tmp.
	Path directory;

	@BeforeEach
	void directory(TestInfo test) throws IOException {
		this.directory = Path.of("target", "faults", "work", test.getTestMethod().orElseThrow().getName())
			.toAbsolutePath();
		if (Files.exists(this.directory)) {
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		Files.createDirectories(this.directory);
	}

	@Test
	void killDuringSending() throws Exception {
		sending("kill -9 during sending (own PostgreSQL)", FaultRig.external(this.directory, "kill-sending"), true);
	}

	@Test
	@Tag("faults-short")
	void sigtermDuringSending() throws Exception {
		sending("SIGTERM during sending (own PostgreSQL)", FaultRig.external(this.directory, "term-sending"), false);
	}

	@Test
	@Tag("faults-short")
	void killDuringSendingOnTheEmbeddedDefault() throws Exception {
		sending("kill -9 during sending (embedded default)", FaultRig.embedded(this.directory, "kill-sending-embedded"),
				true);
	}

	@Test
	void sigtermDuringSendingOnTheEmbeddedDefault() throws Exception {
		sending("SIGTERM during sending (embedded default)", FaultRig.embedded(this.directory, "term-sending-embedded"),
				false);
	}

	private void sending(String scenario, FaultRig world, boolean kill) throws Exception {
		Outcome outcome = new Outcome(scenario);
		try (FaultRig rig = world.start()) {
			rig.importAndEmbedPapers();
			// 50 ms per message: two workers send 40 a second, so the fault comes mid-run
			rig.smtp.delay(Duration.ofMillis(50));
			rig.dueSubscribers(600);
			rig.awaitReceived(100, Duration.ofMinutes(3));
			stop(rig, kill, outcome);
			outcome.check("the fault hit sending", rig.delivered() < 600, rig.delivered() + " of 600 sent before it");
			restartAndDeliver(rig, outcome, 600, kill ? IN_FLIGHT : 0);
		}
		outcome.report();
	}

	@Test
	void killDuringComposing() throws Exception {
		composing("kill -9 during composing (own PostgreSQL)", true);
	}

	@Test
	void sigtermDuringComposing() throws Exception {
		composing("SIGTERM during composing (own PostgreSQL)", false);
	}

	private void composing(String scenario, boolean kill) throws Exception {
		Outcome outcome = new Outcome(scenario);
		int readers = 3000;
		try (FaultRig rig = FaultRig.external(this.directory, kill ? "kill-composing" : "term-composing").start()) {
			rig.importAndEmbedPapers();
			rig.dueSubscribers(readers);
			FaultRig.await(() -> rig.database.count("select count(*) from digest") >= 200, Duration.ofMinutes(2),
					"the first digests composed");
			long composed = rig.database.count("select count(*) from digest");
			outcome.note(composed + " of " + readers + " digests composed at the fault");
			stop(rig, kill, outcome);
			restartAndDeliver(rig, outcome, readers, kill ? IN_FLIGHT : 0);
		}
		outcome.report();
	}

	@Test
	@Tag("faults-short")
	void killDuringIngest() throws Exception {
		ingest("kill -9 during a 20,000-line import (own PostgreSQL)", true);
	}

	@Test
	void sigtermDuringIngest() throws Exception {
		ingest("SIGTERM during a 20,000-line import (own PostgreSQL)", false);
	}

	private void ingest(String scenario, boolean kill) throws Exception {
		Outcome outcome = new Outcome(scenario);
		int lines = 20_000;
		Path file = FaultRig.largeImport(this.directory, lines);
		try (FaultRig rig = FaultRig.external(this.directory, kill ? "kill-ingest" : "term-ingest").start()) {
			CompletableFuture.runAsync(() -> {
				try {
					rig.service.upload("/api/v1/admin/imports", file);
				}
				catch (java.io.IOException ex) {
					// the service went away under the upload
				}
			});
			FaultRig.await(() -> rig.papers() >= 2000, Duration.ofMinutes(3), "2,000 papers imported");
			outcome.note(rig.papers() + " papers stored at the fault");
			stop(rig, kill, outcome);
			rig.service.start(FaultRig.START);
			rig.checkAfterRestart(outcome);
			// The operator imports the file again: the rest lands, nothing twice.
			rig.service.upload("/api/v1/admin/imports", file);
			long papers = rig.papers();
			outcome.check("no paper lost or duplicated after a re-import", papers == lines,
					papers + " papers for " + lines + " lines");
			long running = rig.database.count("select count(*) from fetch_run where status = 'RUNNING'");
			outcome.check("no fetch run RUNNING after the re-import", running == 0, running + " RUNNING");
		}
		outcome.report();
	}

	@Test
	void killDuringEmbedding() throws Exception {
		embedding("kill -9 during embedding (own PostgreSQL)", true);
	}

	@Test
	void sigtermDuringEmbedding() throws Exception {
		embedding("SIGTERM during embedding (own PostgreSQL)", false);
	}

	private void embedding(String scenario, boolean kill) throws Exception {
		Outcome outcome = new Outcome(scenario);
		try (FaultRig rig = FaultRig.external(this.directory, kill ? "kill-embedding" : "term-embedding").start()) {
			long papers = rig.importPapers();
			String embedded = "select count(*) from paper_embedding";
			FaultRig.await(() -> rig.database.count(embedded) >= 32, Duration.ofMinutes(3), "the first embeddings");
			outcome.note(rig.database.count(embedded) + " of " + papers + " papers embedded at the fault");
			stop(rig, kill, outcome);
			rig.service.start(FaultRig.START);
			rig.checkAfterRestart(outcome);
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (rig.database.count(embedded) < papers && System.nanoTime() < deadline) {
				ServiceProcess.sleep(Duration.ofSeconds(1));
			}
			long done = rig.database.count(embedded);
			outcome.check("every paper embedded once", done == papers, done + " of " + papers);
		}
		outcome.report();
	}

	@Test
	void postgresStoppedFor30SecondsDuringSending() throws Exception {
		Outcome outcome = new Outcome("PostgreSQL stopped for 30 s during sending (own PostgreSQL)");
		try (FaultRig rig = FaultRig.external(this.directory, "postgres-stopped").start()) {
			ExternalPostgres postgres = (ExternalPostgres) rig.database;
			rig.importAndEmbedPapers();
			rig.smtp.delay(Duration.ofMillis(50));
			rig.dueSubscribers(600);
			rig.awaitReceived(100, Duration.ofMinutes(3));
			postgres.stop();
			outcome.check("the fault hit sending", rig.delivered() < 600, rig.delivered() + " of 600 sent before it");
			ServiceProcess.sleep(Duration.ofSeconds(5));
			outcome.note("health while the database is down: " + (rig.service.healthy() ? "UP" : "not UP"));
			ServiceProcess.sleep(Duration.ofSeconds(25));
			postgres.startAgain();
			boolean delivered = rig.awaitAllDelivered(600, Duration.ofMinutes(3));
			outcome.check("the rest delivered within 3 min of the database's return, no restart", delivered,
					"service process alive: " + rig.service.healthy());
			// a message accepted while the database was gone is recorded SENT late, or
			// sent again
			rig.checkDelivery(outcome, 600, IN_FLIGHT);
			rig.checkAfterRestart(outcome);
		}
		outcome.report();
	}

	@Test
	void smtpRefusingConnectionsFor20Seconds() throws Exception {
		smtpOutage(Duration.ofSeconds(20));
	}

	@Test
	void smtpRefusingConnectionsForTwoMinutes() throws Exception {
		smtpOutage(Duration.ofMinutes(2));
	}

	private void smtpOutage(Duration outage) throws Exception {
		Outcome outcome = new Outcome("SMTP server refusing connections for " + outage.toSeconds() + " s");
		try (FaultRig rig = FaultRig.external(this.directory, "smtp-refusing-" + outage.toSeconds()).start()) {
			rig.importAndEmbedPapers();
			rig.dueSubscribers(300);
			rig.awaitReceived(20, Duration.ofMinutes(3));
			rig.smtp.stop();
			ServiceProcess.sleep(outage);
			long failed = rig.database.count("select count(*) from digest where status = 'FAILED'");
			outcome.check("the outage hit sending", rig.delivered() < 300, rig.delivered() + " of 300 before it ended");
			rig.smtp.listen();
			boolean delivered = rig.awaitAllDelivered(300, Duration.ofMinutes(3));
			outcome.check("all delivered within 3 min of the server's return", delivered,
					failed + " FAILED during the outage");
			rig.checkDelivery(outcome, 300, 0);
			rig.checkAfterRestart(outcome);
		}
		outcome.report();
	}

	@Test
	void smtpStallingAfterData() throws Exception {
		Outcome outcome = new Outcome("SMTP server stalling 8 s after DATA for 20 s (client timeout 5 s)");
		try (FaultRig rig = FaultRig.external(this.directory, "smtp-stalling").start()) {
			rig.importAndEmbedPapers();
			rig.dueSubscribers(300);
			rig.awaitReceived(20, Duration.ofMinutes(3));
			rig.smtp.delay(Duration.ofSeconds(8));
			ServiceProcess.sleep(Duration.ofSeconds(20));
			rig.smtp.delay(Duration.ZERO);
			outcome.check("the stall hit sending", rig.delivered() < 300, rig.delivered() + " of 300 before it ended");
			boolean delivered = rig.awaitAllDelivered(300, Duration.ofMinutes(3));
			outcome.check("all delivered within 3 min of the stall's end", delivered, "");
			// A message whose DATA the client gave up on may have been kept by the server
			// (RFC 1047): it comes again with the same Message-ID, at most once per
			// stalled
			// transaction.
			rig.checkDelivery(outcome, 300, 10);
			rig.checkAfterRestart(outcome);
		}
		outcome.report();
	}

	@Test
	void diskFullDuringComposing() throws Exception {
		Outcome outcome = new Outcome("disk full (digest_paper on a 1 MB tmpfs tablespace) during composing");
		Path mount = this.directory.resolve("tiny");
		try (FaultRig rig = FaultRig.external(this.directory, "disk-full").start()) {
			ExternalPostgres postgres = (ExternalPostgres) rig.database;
			rig.importAndEmbedPapers();
			postgres.tinyTablespace(mount, "1m", "digest_paper");
			rig.dueSubscribers(2000);
			FaultRig.await(() -> rig.service.log().contains("No space left on device"), Duration.ofMinutes(2),
					"the disk to fill");
			ServiceProcess.sleep(Duration.ofSeconds(10));
			outcome.note("health while full: " + (rig.service.healthy() ? "UP" : "not UP"));
			ExternalPostgres.grow(mount, "256m");
			boolean delivered = rig.awaitAllDelivered(2000, Duration.ofMinutes(3));
			outcome.check("all delivered within 3 min of the space coming back, no restart", delivered, "");
			rig.checkDelivery(outcome, 2000, 0);
			rig.checkAfterRestart(outcome);
		}
		finally {
			ExternalPostgres.unmount(mount);
		}
		outcome.report();
	}

	private static void stop(FaultRig rig, boolean kill, Outcome outcome) {
		if (kill) {
			rig.service.kill();
			return;
		}
		Duration exit = rig.service.terminate(Duration.ofSeconds(60));
		outcome.check("SIGTERM: exits within 30 s", exit.compareTo(Duration.ofSeconds(30)) < 0,
				exit.toMillis() + " ms, status " + rig.service.exitValue());
		String log = rig.service.lastLog();
		String shutdown = log.substring(Math.max(0, log.lastIndexOf("Commencing graceful shutdown")));
		boolean errors = shutdown.contains(" ERROR ") || shutdown.contains("Connection refused")
				|| shutdown.contains("PSQLException");
		outcome.check("SIGTERM: no database error in the shutdown log", !errors, "see " + rig.service.logFile());
	}

	private static void restartAndDeliver(FaultRig rig, Outcome outcome, int readers, int copies) {
		long started = System.nanoTime();
		rig.service.start(FaultRig.START);
		outcome.note("restart healthy in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
		started = System.nanoTime();
		boolean delivered = rig.awaitAllDelivered(readers, AFTER_RESTART);
		outcome.check("delivered within " + AFTER_RESTART.toSeconds() + " s of the restart (no lease wait)", delivered,
				rig.delivered() + " of " + readers);
		if (!delivered && Boolean.getBoolean("faults.await-lease")) {
			// the rest comes when the leases expire: say how long that takes
			delivered = rig.awaitAllDelivered(readers, Duration.ofMinutes(6));
			outcome.note("all delivered " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
					+ " s after the restart: " + delivered);
		}
		rig.checkDelivery(outcome, readers, copies);
		rig.checkAfterRestart(outcome);
	}

}
