package dev.paperboy.admin.dashboard;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.ScriptedSmtpServer;
import dev.paperboy.ScriptedSmtpServer.Answer;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.delivery.bounce.Bounces;
import dev.paperboy.digest.ComposeDue;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.ConfirmationTokens;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.Tokens;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the dashboard's tests count, made through the real flows: papers, imported readers
 * (five of them since yesterday), confirmed sign-ups, a pending one, a reader whose
 * keyword matches nothing (a skipped period), digests composed and sent to the scripted
 * SMTP server (one mailbox rejected), a complaint, an unsubscribe, a pause and feedback.
 */
@TestComponent
class DashboardScenario {

	static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	private final JdbcClient jdbc;

	private final SubscriptionService subscriptions;

	private final Tokens tokens;

	private final DigestScheduler scheduler;

	private final Bounces bounces;

	private final ScriptedSmtpServer smtp;

	private final PaperCatalog catalog;

	private final PaperEmbedder embedder;

	DashboardScenario(JdbcClient jdbc, SubscriptionService subscriptions, Tokens tokens, DigestScheduler scheduler,
			Bounces bounces, ScriptedSmtpServer smtp, PaperCatalog catalog, PaperEmbedder embedder) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.scheduler = scheduler;
		this.bounces = bounces;
		this.smtp = smtp;
		this.catalog = catalog;
		this.embedder = embedder;
	}

	/**
	 * Plays the scenario on an empty database.
	 * @param signUps how many readers sign up and confirm (each gets a digest)
	 * @return the ten imported readers' ids
	 */
	List<Long> play(int signUps) {
		DatabaseCleaner.clean(this.jdbc);
		this.smtp.reset();
		List<PaperRecord> papers = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			papers.add(paper("2601.0000" + i, "Trending paper number " + i));
		}
		this.catalog.save(papers);
		this.embedder.embedAll();

		List<Long> readers = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			readers.add(this.subscriptions.importActive(address("reader-" + i), profile(""), List.of(), CLIENT));
		}
		for (int i = 1; i <= signUps; i++) {
			confirmedSignUp("signup-" + i + "@example.org");
		}
		this.subscriptions.subscribe(address("pending@example.org"), profile(""), CLIENT);
		this.subscriptions.importActive(address("nothing-matches"), profile("quasicrystalline"), List.of(), CLIENT);
		// five readers joined yesterday
		this.jdbc.sql("update subscriber set confirmed_at = confirmed_at - interval '1 day' where id in (:ids)")
			.param("ids", readers.subList(0, 5))
			.update();

		String rejected = "reader-4@example.org";
		this.smtp.script((recipient, attempt) -> recipient.equals(rejected) ? Answer.REJECT_ON_RCPT : Answer.ACCEPT);
		SubscriberEvents.awaitHandled(this.jdbc);
		Instant now = Instant.now();
		ComposeDue.at(this.scheduler, now);
		assertThat(ComposeDue.at(this.scheduler, now.plus(Duration.ofDays(1))).queued()).isEqualTo(10 + signUps);
		await().atMost(Duration.ofSeconds(30)).until(() -> digests("SENT") == 9 + signUps && digests("FAILED") == 1);

		this.bounces.complaint("reader-5@example.org", "abuse report");
		this.subscriptions.unsubscribe(readers.get(5));
		this.subscriptions.pause(readers.get(6));
		this.subscriptions.giveFeedback(readers.get(0), "2601.00001", true);
		this.subscriptions.giveFeedback(readers.get(1), "2601.00002", false);
		return readers;
	}

	int digests(String status) {
		return this.jdbc.sql("select count(*) from digest where status = ?")
			.param(status)
			.query(Integer.class)
			.single();
	}

	private void confirmedSignUp(String email) {
		this.subscriptions.subscribe(EmailAddress.parse(email).orElseThrow(), profile(""), CLIENT);
		Map<String, Object> pending = this.jdbc
			.sql("select id, confirmation_issued_at from subscriber where email = ? and status = 'PENDING'")
			.param(email)
			.query()
			.singleRow();
		long id = ((Number) pending.get("id")).longValue();
		Instant issuedAt = ((Timestamp) pending.get("confirmation_issued_at")).toInstant();
		assertThat(this.subscriptions.confirm(ConfirmationTokens.of(this.tokens, id, issuedAt), CLIENT)).isPresent();
	}

	static PaperRecord paper(String id, String title) {
		return new PaperRecord("huggingface", id, title, "An abstract about " + title + ".", List.of("Ada Lovelace"),
				List.of(), PaperLinks.forArxiv(id), null, null, 90, 0, List.of(), null);
	}

	static EmailAddress address(String name) {
		return EmailAddress.parse(name.contains("@") ? name : name + "@example.org").orElseThrow();
	}

	static Profile profile(String keywords) {
		return new Profile("", keywords, List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7,
				ZoneId.of("UTC"), 3);
	}

}
