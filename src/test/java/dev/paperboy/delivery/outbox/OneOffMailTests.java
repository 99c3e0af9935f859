package dev.paperboy.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.ScriptedSmtpConfiguration;
import dev.paperboy.ScriptedSmtpServer;
import dev.paperboy.ScriptedSmtpServer.Answer;
import dev.paperboy.ScriptedSmtpServer.Attempt;
import dev.paperboy.ScriptedSmtpServer.Received;
import dev.paperboy.delivery.MailOutbox;
import dev.paperboy.delivery.Suppressions;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Confirmations go through the outbox: queued with the sign-up, sent by the workers to a
 * {@link ScriptedSmtpServer}, and retried like digests.
 */
@PaperboyTest
@Import({ ScriptedSmtpConfiguration.class, EmptyOutboxFirst.class })
@TestPropertySource(properties = { "paperboy.delivery.outbox.workers=2", "paperboy.delivery.outbox.lease=2s",
		"paperboy.delivery.outbox.max-attempts=3", "paperboy.delivery.outbox.initial-backoff=1s" })
// Outbox workers poll the database every context shares: close this one after its class.
@DirtiesContext
class OneOffMailTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	@Autowired
	ScriptedSmtpServer smtp;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	MailOutbox outbox;

	@Autowired
	Suppressions suppressions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.smtp.reset();
	}

	@Test
	void retriesAConfirmationRefusedWith451AndDeliversIt() {
		String ada = "ada@lab.example.org";
		this.smtp.script((recipient, attempt) -> (attempt == 1) ? Answer.TEMPORARY_ON_RCPT : Answer.ACCEPT);

		signUp(ada);

		await().atMost(TIMEOUT).until(() -> this.smtp.received().size() == 1);
		List<Attempt> attempts = this.smtp.attempts();
		assertThat(attempts).extracting(Attempt::recipient).containsOnly(ada);
		assertThat(attempts).extracting(Attempt::answer).containsExactly(Answer.TEMPORARY_ON_RCPT, Answer.ACCEPT);
		// initial backoff 1 s here, jitter 50-100%
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(500));
		Received confirmation = this.smtp.received().get(0);
		assertThat(confirmation.recipients()).containsExactly(ada);
		assertThat(confirmation.messageId())
			.matches("<?mail-\\d+\\." + this.outbox.installation() + "@paperboy\\.test>?");
		String raw = new String(confirmation.raw(), StandardCharsets.UTF_8);
		assertThat(raw).contains("Subject: Confirm your subscription to Paperboy")
			.contains("https://papers.example.org/confirm/");
		// sent: nothing of it is kept
		await().atMost(TIMEOUT).until(() -> queued().isEmpty());
	}

	@Test
	void dropsAConfirmationWhoseMailboxTheServerRejectsAndSuppressesTheAddress() {
		String unknown = "nobody@lab.example.org";
		this.smtp.script((recipient, attempt) -> Answer.REJECT_ON_RCPT);

		signUp(unknown);

		await().atMost(TIMEOUT).until(() -> this.suppressions.isSuppressed(unknown));
		await().atMost(TIMEOUT).until(() -> queued().isEmpty());
		assertThat(this.smtp.attempts()).extracting(Attempt::answer).containsExactly(Answer.REJECT_ON_RCPT);
		assertThat(this.smtp.received()).isEmpty();
	}

	@Test
	void givesUpAConfirmationAfterTheLastAttemptAndKeepsNoLinks() {
		String busy = "busy@lab.example.org";
		this.smtp.script((recipient, attempt) -> Answer.TEMPORARY_AFTER_DATA);

		signUp(busy);

		await().atMost(TIMEOUT).until(() -> "FAILED".equals(status()));
		assertThat(this.smtp.attempts()).hasSize(3);
		Map<String, Object> row = queued().get(0);
		assertThat(row.get("last_error").toString()).startsWith("gave up after 3 attempts: 451");
		assertThat(row.get("variables")).as("the signed links are gone").isEqualTo("{}");
	}

	@Test
	void sendsNothingMoreToAnAddressSuppressedBeforeItsConfirmationWentOut() {
		String ada = "ada@lab.example.org";
		this.smtp.script((recipient, attempt) -> Answer.TEMPORARY_ON_RCPT);
		signUp(ada);
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> this.smtp.attempts().size() == 1);

		// before the retry, at least 500 ms later
		this.suppressions.suppress(ada, "erased at the subscriber's request");

		assertThat(queued()).as("nothing of it is kept").isEmpty();
		// past the longest wait for the retry (1 s)
		await().during(Duration.ofMillis(1500)).atMost(TIMEOUT).until(() -> this.smtp.attempts().size() == 1);
	}

	private void signUp(String address) {
		this.subscriptions.subscribe(EmailAddress.parse(address).orElseThrow(), new Profile("memory", "", List.of(),
				List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3), CLIENT);
	}

	private String status() {
		return this.jdbc.sql("select status from mail_message").query(String.class).optional().orElse(null);
	}

	private List<Map<String, Object>> queued() {
		return this.jdbc.sql("select status, attempts, last_error, variables::text as variables from mail_message")
			.query()
			.listOfRows();
	}

}
