package dev.paperboy.digest;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.instance.Instances;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leases of an instance that stopped beating (killed, its machine lost) are given
 * back by a live instance within seconds, not after the 5-minute lease: its claimed
 * digests and emails go again, its running fetches are marked failed; at start, before
 * anything is claimed.
 */
@PaperboyTest
@TestPropertySource(properties = { "paperboy.instance.heartbeat=300ms", "paperboy.instance.missed-beats=2" })
// The short heartbeat is this class's own: close its context after it.
@DirtiesContext
class InstanceLeasesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Instances instances;

	private final UUID dead = UUID.randomUUID();

	private final UUID alive = UUID.randomUUID();

	private final UUID killed = UUID.randomUUID();

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@AfterEach
	void forget() {
		this.jdbc.sql("delete from instance where id in (:dead, :alive, :killed)")
			.param("dead", this.dead)
			.param("alive", this.alive)
			.param("killed", this.killed)
			.update();
	}

	@Test
	void givesBackTheLeasesOfAnInstanceThatStoppedBeatingWithinSeconds(@Autowired PaperCatalog catalog,
			@Autowired PaperEmbedder embedder, @Autowired SubscriptionService subscriptions,
			@Autowired DigestScheduler scheduler) {
		DueDigests.papers(catalog, embedder);
		DueDigests.subscribe(subscriptions, "held", 3);
		assertThat(DueDigests.compose(scheduler, this.jdbc).queued()).isEqualTo(3);
		List<Long> digests = this.jdbc.sql("select id from digest order by id").query(Long.class).list();
		// It beat a moment ago, counted alive for a second, and went silent.
		this.jdbc.sql("""
				insert into instance (id, started_at, beat_at, expires_at, host, pid)
				values (:id, now() - interval '1 hour', now(), now() + interval '1 second', 'elsewhere', 1)
				""").param("id", this.dead).update();
		lease("digest", List.of(digests.get(0), digests.get(1)), this.dead);
		lease("digest", List.of(digests.get(2)), this.instances.id());
		long email = this.jdbc.sql("""
				insert into mail_message (recipient, subject, template, variables, headers, status)
				values ('ada@example.org', 'Confirm', 'confirmation', '{}', '{}', 'QUEUED') returning id
				""").query(Long.class).single();
		lease("mail_message", List.of(email), this.dead);
		long run = running(this.dead);
		long started = System.nanoTime();

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "RETRY".equals(status("digest", digests.get(1))));
		System.out.printf("Leases of a silent instance given back %d ms after its last beat%n",
				(System.nanoTime() - started) / 1_000_000);

		// Sent again at once, the attempt counted: the dead instance may have sent one
		// without recording it.
		for (long id : List.of(digests.get(0), digests.get(1))) {
			assertThat(this.jdbc.sql("""
					select status, attempts, lease_until is null as free, next_attempt_at <= now() as ready
					from digest where id = :id
					""").param("id", id).query().singleRow())
				.containsAllEntriesOf(Map.of("status", "RETRY", "attempts", 1, "free", true, "ready", true));
		}
		assertThat(status("digest", digests.get(2))).as("a live instance's lease").isEqualTo("SENDING");
		assertThat(status("mail_message", email)).isEqualTo("RETRY");
		assertThat(status("fetch_run", run)).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("select message from fetch_run where id = :id")
			.param("id", run)
			.query(String.class)
			.single()).isEqualTo("the instance running it stopped before it finished");
		assertThat(this.jdbc.sql("select count(*) from instance where id = :id")
			.param("id", this.dead)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void failsTheRunningFetchRunsOfDeadInstancesAtStart() throws Exception {
		this.instances.stop();
		try {
			// a process of this machine that has ended: an instance killed a moment ago,
			// its beats not expired yet
			Process ended = new ProcessBuilder("true").start();
			ended.waitFor();
			this.jdbc.sql("""
					insert into instance (id, started_at, beat_at, expires_at, host, pid) values
					    (:dead, now() - interval '1 hour', now() - interval '10 minutes', now() - interval '9 minutes',
					     'elsewhere', 1),
					    (:alive, now() - interval '1 hour', now(), now() + interval '1 hour', 'elsewhere', 1),
					    (:killed, now() - interval '1 hour', now(), now() + interval '1 hour', :host, :pid)
					""")
				.param("dead", this.dead)
				.param("alive", this.alive)
				.param("killed", this.killed)
				.param("host", InetAddress.getLocalHost().getHostName())
				.param("pid", ended.pid())
				.update();
			long orphan = running(this.dead);
			long other = running(this.alive);
			long killedHere = running(this.killed);

			this.instances.start();

			// at once: the start itself gives them back, before anything claims
			assertThat(status("fetch_run", orphan)).isEqualTo("FAILED");
			assertThat(status("fetch_run", other)).as("another live instance's run").isEqualTo("RUNNING");
			assertThat(status("fetch_run", killedHere))
				.as("the run of an instance of this machine whose process is gone, its beats not yet expired")
				.isEqualTo("FAILED");
		}
		finally {
			if (!this.instances.isRunning()) {
				this.instances.start();
			}
		}
	}

	private void lease(String table, List<Long> ids, UUID instance) {
		this.jdbc.sql("update " + table + """
				 set status = 'SENDING', attempts = 1, lease_until = now() + interval '5 minutes', leased_by = :by
				where id = any(cast(:ids as bigint[]))
				""").param("ids", ids.toArray(Long[]::new)).param("by", instance).update();
	}

	private long running(UUID instance) {
		return this.jdbc.sql("""
				insert into fetch_run (source, trigger, target, started_at, status, instance_id)
				values ('file', 'IMPORT', 'papers.jsonl', now(), 'RUNNING', :instance) returning id
				""").param("instance", instance).query(Long.class).single();
	}

	private String status(String table, long id) {
		return this.jdbc.sql("select status from " + table + " where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
