package dev.paperboy.digest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.ScriptedSmtpServer.Answer;
import dev.paperboy.ScriptedSmtpServer.Attempt;
import dev.paperboy.ScriptedSmtpServer.Received;
import dev.paperboy.ScriptedSmtpServer;
import dev.paperboy.delivery.Suppressions;
import dev.paperboy.digest.render.DigestRenderer;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against an SMTP server that refuses for now, refuses for good, goes away and
 * comes back. Each digest ends up sent exactly once (counted by Message-ID at the server)
 * or, refused for good, failed after one attempt.
 */
@OutboxTest
class OutboxSmtpFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ScriptedSmtpServer smtp;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Suppressions suppressions;

	@Autowired
	DigestRenderer renderer;

	@BeforeEach
	void papers(@Autowired PaperCatalog catalog, @Autowired PaperEmbedder embedder) {
		DatabaseCleaner.clean(this.jdbc);
		this.smtp.reset();
		DueDigests.papers(catalog, embedder);
	}

	@AfterEach
	void idle() {
		this.smtp.stop();
		this.smtp.listen();
		// no worker still busy with this test's digests when the next one begins
		await().atMost(TIMEOUT).until(() -> count("SENDING") == 0);
	}

	@Test
	void retriesTemporaryFailuresWithGrowingWaitsAndSendsEachDigestOnce() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 25);
		String twice = readers.get(0);
		// A fifth of the messages is refused once, alternately at RCPT and after DATA;
		// the first of them twice.
		this.smtp.script((recipient, attempt) -> {
			int index = readers.indexOf(recipient);
			if (recipient.equals(twice) && attempt == 2) {
				return Answer.TEMPORARY_AFTER_DATA;
			}
			if (index % 5 == 0 && attempt == 1) {
				return (index % 10 == 0) ? Answer.TEMPORARY_ON_RCPT : Answer.TEMPORARY_AFTER_DATA;
			}
			return Answer.ACCEPT;
		});
		RetryWatch watch = RetryWatch.start(this.jdbc);

		assertThat(DueDigests.compose(this.scheduler, this.jdbc).queued()).isEqualTo(25);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 25);
		watch.stop();

		assertSentOnceEach(readers);
		Map<String, Integer> attempts = attemptsByRecipient();
		assertThat(attempts.get(twice)).isEqualTo(3);
		assertThat(readers.stream().filter((reader) -> attempts.get(reader) == 2))
			.containsExactlyInAnyOrder(readers.get(5), readers.get(10), readers.get(15), readers.get(20));
		assertThat(attempts.values().stream().filter((n) -> n == 1)).hasSize(20);
		Map<String, List<Attempt>> failures = this.smtp.attempts()
			.stream()
			.filter((attempt) -> attempt.answer() != Answer.ACCEPT)
			.collect(Collectors.groupingBy(Attempt::recipient));
		assertThat(failures.values().stream().mapToInt(List::size).sum()).isEqualTo(6);
		// The wait after each failure: from the server's refusal to the next_attempt_at
		// the outbox set (initial backoff 200 ms, doubled each time, jitter 50-100%).
		Duration first = watch.waitAfter(twice, 1, failures.get(twice).get(0).at());
		Duration second = watch.waitAfter(twice, 2, failures.get(twice).get(1).at());
		List<Long> once = Stream.of(readers.get(5), readers.get(10), readers.get(15), readers.get(20))
			.map((reader) -> watch.waitAfter(reader, 1, failures.get(reader).get(0).at()).toMillis())
			.toList();
		System.out.printf("Outbox retries: 6 failures for 25 messages; waits of %s: %d ms then %d ms; "
				+ "after the other four failures: %s ms%n", twice, first.toMillis(), second.toMillis(), once);
		assertThat(first).isBetween(Duration.ofMillis(100), Duration.ofMillis(350));
		assertThat(second).isBetween(Duration.ofMillis(200), Duration.ofMillis(600)).isGreaterThan(first);
		assertThat(once).allSatisfy((millis) -> assertThat(millis).isBetween(100L, 350L));
		// and no attempt came before its time
		for (Attempt attempt : this.smtp.attempts()) {
			if (attempt.number() > 1) {
				assertThat(attempt.at()).as("attempt %d to %s", attempt.number(), attempt.recipient())
					.isAfterOrEqualTo(watch.nextAttemptAt(attempt.recipient(), attempt.number() - 1));
			}
		}
	}

	@Test
	void failsARejectedMailboxAfterOneAttemptAndSuppressesIt() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 10);
		String unknown = readers.get(3);
		this.smtp.script((recipient, attempt) -> recipient.equals(unknown) ? Answer.REJECT_ON_RCPT : Answer.ACCEPT);

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 9 && count("FAILED") == 1);
		// longer than any retry's first wait
		sleep(Duration.ofMillis(600));

		assertThat(this.smtp.received()).hasSize(9).noneMatch((message) -> message.recipients().contains(unknown));
		assertThat(this.smtp.attempts()).filteredOn((attempt) -> attempt.recipient().equals(unknown))
			.singleElement()
			.extracting(Attempt::answer)
			.isEqualTo(Answer.REJECT_ON_RCPT);
		Map<String, Object> failed = this.jdbc.sql("""
				select d.attempts, d.last_error from digest d join subscriber s on s.id = d.subscriber_id
				where s.email = :email
				""").param("email", unknown).query().singleRow();
		assertThat(failed.get("attempts")).isEqualTo(1);
		assertThat((String) failed.get("last_error")).startsWith("550 ");
		assertThat(this.suppressions.isSuppressed(unknown)).isTrue();
		assertThat(this.suppressions.isSuppressed(readers.get(4))).isFalse();
		assertSentOnceEach(readers.stream().filter((reader) -> !reader.equals(unknown)).toList());
	}

	@Test
	void sendsEightBitBodiesToAServerThatAnnouncesIt() throws Exception {
		// this server announces 8BITMIME (GreenMail, in the other delivery tests, does
		// not: there the parts are quoted-printable)
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 3);
		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 3);

		assertThat(this.smtp.received()).hasSize(3).allSatisfy((message) -> {
			assertThat(message.mailFrom()).endsWith("> BODY=8BITMIME");
			String wire = new String(message.raw(), StandardCharsets.UTF_8);
			assertThat(wire).contains("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit")
				.doesNotContain("quoted-printable")
				.contains(" · ");
			MimeMessage parsed = new MimeMessage(null, new ByteArrayInputStream(message.raw()));
			Multipart parts = (Multipart) parsed.getContent();
			assertThat((String) parts.getBodyPart(1).getContent()).contains(">More like this</a>")
				.contains(" papers</span>");
		});
		assertSentOnceEach(readers);
	}

	@Test
	void sendsNothingToASuppressedAddress() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 12);
		List<String> complained = List.of(readers.get(2), readers.get(11));
		complained.forEach((address) -> this.suppressions.suppress(address, "complaint"));

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 10 && count("SUPPRESSED") == 2);

		assertThat(this.smtp.attempts()).noneMatch((attempt) -> complained.contains(attempt.recipient()));
		assertThat(this.jdbc.sql("""
				select s.email from digest d join subscriber s on s.id = d.subscriber_id
				where d.status = 'SUPPRESSED' and d.attempts = 1 order by s.email
				""").query(String.class).list()).containsExactlyInAnyOrderElementsOf(complained);
		assertSentOnceEach(readers.stream().filter((reader) -> !complained.contains(reader)).toList());
	}

	@Test
	void carriesOnOverANewConnectionWhenTheServerClosesOneWith421() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 20);
		// The second message of each worker's batch: 421, and the server hangs up.
		Set<String> closing = Set.of(readers.get(1), readers.get(11));
		this.smtp.script((recipient, attempt) -> (closing.contains(recipient) && attempt == 1) ? Answer.CLOSING_ON_RCPT
				: Answer.ACCEPT);

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 20);

		assertSentOnceEach(readers);
		// The next message goes over a new connection, not into the closed one, which
		// would fail it and hold it back for a retry.
		assertThat(attemptsByRecipient()).allSatisfy(
				(reader, attempts) -> assertThat(attempts).as(reader).isEqualTo(closing.contains(reader) ? 2 : 1));
	}

	@Test
	void losesNothingWhileTheServerIsDownAndDrainsTheQueueWhenItReturns() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 30);
		this.smtp.delay(Duration.ofMillis(40));
		AtomicBoolean stopped = new AtomicBoolean();
		this.smtp.afterAccepting((message) -> {
			if (this.smtp.received().size() >= 8 && stopped.compareAndSet(false, true)) {
				this.smtp.stop();
			}
		});

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> this.smtp.received().size() >= 8);
		int accepted = this.smtp.received().size();
		// Down for longer than the longest backoff (2 s): every worker has found it down.
		long downSince = System.nanoTime();
		sleep(Duration.ofSeconds(3));

		Map<String, Long> down = counts();
		assertThat(down).doesNotContainKeys("FAILED", "SKIPPED", "SUPPRESSED").containsEntry("SENT", (long) accepted);
		assertThat(down.getOrDefault("QUEUED", 0L) + down.getOrDefault("RETRY", 0L) + down.getOrDefault("SENDING", 0L))
			.isEqualTo(30 - accepted);
		assertThat(this.smtp.received()).hasSize(accepted);
		this.smtp.listen();
		long upSince = System.nanoTime();
		await().atMost(TIMEOUT).until(() -> count("SENT") == 30);

		System.out.printf("Outbox outage: %s after %d ms down; the %d waiting sent %d ms after the server returned%n",
				down, (upSince - downSince) / 1_000_000, 30 - accepted, (System.nanoTime() - upSince) / 1_000_000);
		assertSentOnceEach(readers);
	}

	@Test
	void sendsEachDigestOnceWhenABatchOutlastsItsLease() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 12);
		// One worker claims 10, which take 3 s at 300 ms each: longer than the 2 s lease.
		// The other, done with the last 2, looks for expired leases meanwhile.
		this.smtp.delay(Duration.ofMillis(300));

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 12);
		sleep(Duration.ofMillis(700));

		assertSentOnceEach(readers);
	}

	@Test
	void leavesTheRestOfAStalledBatchToTheWorkerThatTookItOver() {
		List<String> readers = DueDigests.subscribe(this.subscriptions, "reader", 12);
		// The second message of the batch of 10 stalls past the 2 s lease: the other
		// worker claims what is left of the batch, that message included.
		this.smtp.stall(readers.get(1), Duration.ofMillis(2500));

		DueDigests.compose(this.scheduler, this.jdbc);
		await().atMost(TIMEOUT).until(() -> count("SENT") == 12);
		sleep(Duration.ofMillis(500));

		List<Received> received = this.smtp.received();
		Map<String, Long> byMessageId = received.stream()
			.collect(Collectors.groupingBy(Received::messageId, Collectors.counting()));
		List<String> twice = byMessageId.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.toList();
		System.out.printf("Outbox stall: %d messages for 12 digests, sent twice: %s%n", received.size(), twice);
		assertThat(byMessageId).hasSize(12);
		// Only the message in flight during the stall may go twice.
		assertThat(received).hasSize(12 + twice.size())
			.filteredOn((message) -> twice.contains(message.messageId()))
			.allSatisfy((message) -> assertThat(message.recipients()).containsExactly(readers.get(1)));
	}

	private void assertSentOnceEach(List<String> readers) {
		List<Received> received = this.smtp.received();
		Map<String, Long> byMessageId = received.stream()
			.collect(Collectors.groupingBy(Received::messageId, Collectors.counting()));
		assertThat(byMessageId).as(() -> "messages by Message-ID; " + timeline(received))
			.hasSize(readers.size())
			.allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
		assertThat(received).flatExtracting(Received::recipients).containsExactlyInAnyOrderElementsOf(readers);
		Map<String, String> messageIds = DueDigests.messageIds(this.jdbc, this.renderer);
		for (Received message : received) {
			assertThat(message.messageId()).isEqualTo(messageIds.get(message.recipients().get(0)));
		}
	}

	// What a failure report needs to tell a slow machine from a bug.
	private String timeline(List<Received> received) {
		StringBuilder timeline = new StringBuilder("accepted:");
		for (Received message : received) {
			timeline.append(' ').append(message.messageId()).append(" at ").append(message.at());
		}
		timeline.append("; digests:");
		this.jdbc.sql("select id, status, attempts, sent_at from digest order by id").query((rs) -> {
			timeline.append(' ')
				.append(rs.getLong(1))
				.append('=')
				.append(rs.getString(2))
				.append('/')
				.append(rs.getInt(3))
				.append('@')
				.append(rs.getObject(4));
		});
		return timeline.toString();
	}

	private Map<String, Integer> attemptsByRecipient() {
		Map<String, Integer> attempts = new HashMap<>();
		this.jdbc.sql("select s.email, d.attempts from digest d join subscriber s on s.id = d.subscriber_id")
			.query((rs) -> {
				attempts.put(rs.getString(1), rs.getInt(2));
			});
		return attempts;
	}

	private long count(String status) {
		return counts().getOrDefault(status, 0L);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("select status, count(*) from digest group by status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
