package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PaperboyTest
@Import(EmptyOutboxFirst.class)
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=2")
@DirtiesContext
class HiddenPaperTests {

	private static final ClientInfo OPERATOR = new ClientInfo("127.0.0.1", "test");

	private static final String HIDDEN_TITLE = "Spiking neural networks that an operator hid";

	@LocalServerPort
	int port;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	DigestComposer composer;

	@Autowired
	SendingSwitch sending;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	long hidden;

	@BeforeEach
	void papers() {
		DatabaseCleaner.clean(this.jdbc);
		List<PaperRecord> papers = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			papers.add(paper("2611.0000" + i, "Spiking neural networks on neuromorphic chips, part " + i));
		}
		papers.add(paper("2611.00009", HIDDEN_TITLE));
		this.catalog.save(papers);
		this.embedder.embedAll();
		this.hidden = this.jdbc.sql("select id from paper where title = ?")
			.param(HIDDEN_TITLE)
			.query(Long.class)
			.single();
	}

	@AfterEach
	void resume() {
		this.sending.resume("test");
	}

	@Test
	void aHiddenPaperIsNeverComposedIntoADigestNorSent() {
		assertThat(post("/api/v1/admin/papers/" + this.hidden + "/hide").getStatusCode().value()).isEqualTo(200);
		String address = "hidden-compose@example.org";
		this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware"), List.of(), OPERATOR);
		SubscriberEvents.awaitHandled(this.jdbc);

		assertThat(this.scheduler.run(Instant.now().plus(Duration.ofDays(1))).queued()).isEqualTo(1);

		assertThat(this.jdbc.sql("select paper_id from digest_paper").query(Long.class).list()).isNotEmpty()
			.doesNotContain(this.hidden);
		await().atMost(Duration.ofSeconds(30)).until(() -> received(address).size() == 1);
		assertThat(body(received(address).get(0))).contains("Spiking neural networks on neuromorphic chips")
			.doesNotContain(HIDDEN_TITLE);
	}

	@Test
	void aDigestComposedBeforeThePaperWasHiddenIsSentWithoutIt() {
		this.sending.pause("test");
		String address = "hidden-queued@example.org";
		long subscriber = this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware"), List.of(), OPERATOR);
		long shown = this.jdbc.sql("select id from paper where id <> ? order by id limit 1")
			.param(this.hidden)
			.query(Long.class)
			.single();
		new TransactionTemplate(this.transactions).executeWithoutResult(
				(status) -> this.composer.store(List.of(new Composed(subscriber, "2026-11-20", Instant.now(), false,
						List.of(new Composed.Pick(this.hidden, 0.9, List.of("close to your interests")),
								new Composed.Pick(shown, 0.8, List.of("close to your interests")))))));
		this.catalog.hide(this.hidden, true);
		this.sending.resume("test");

		await().atMost(Duration.ofSeconds(30)).until(() -> received(address).size() == 1);
		assertThat(body(received(address).get(0))).contains("Spiking neural networks on neuromorphic chips")
			.doesNotContain(HIDDEN_TITLE);
	}

	@Test
	void aDigestWhosePapersWereAllHiddenIsSkippedNotSentEmpty() {
		this.sending.pause("test");
		String address = "all-hidden@example.org";
		long subscriber = this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware"), List.of(), OPERATOR);
		long digest = new TransactionTemplate(this.transactions).execute((status) -> this.composer
			.store(List.of(new Composed(subscriber, "2026-11-21", Instant.now(), false,
					List.of(new Composed.Pick(this.hidden, 0.9, List.of("close to your interests"))))))
			.get(subscriber));
		this.catalog.hide(this.hidden, true);
		this.sending.resume("test");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select status from digest where id = ?")
				.param(digest)
				.query(String.class)
				.single()
				.equals("SKIPPED"));
		assertThat(received(address)).isEmpty();
	}

	@Test
	void aPaperShownAgainIsACandidateAgain() {
		this.catalog.hide(this.hidden, true);
		assertThat(post("/api/v1/admin/papers/" + this.hidden + "/unhide").getStatusCode().value()).isEqualTo(200);
		String detail = new ApiClient(this.port).adminGet("/api/v1/admin/papers/" + this.hidden).getBody();
		assertThat(detail).contains("\"hiddenAt\":null");
		String address = "shown-again@example.org";
		this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware"), List.of(), OPERATOR);
		SubscriberEvents.awaitHandled(this.jdbc);

		this.scheduler.run(Instant.now().plus(Duration.ofDays(1)));

		assertThat(this.jdbc.sql("select paper_id from digest_paper").query(Long.class).list()).contains(this.hidden);
	}

	private ResponseEntity<String> post(String path) {
		return new ApiClient(this.port).rest()
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
	}

	private static List<MimeMessage> received(String address) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return address.equals(message.getAllRecipients()[0].toString());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	// the decoded text of every part
	private static String body(Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(body(multipart.getBodyPart(i)));
				}
				return text.toString();
			}
			return (content instanceof String string) ? string : "";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Profile profile(String interests) {
		return new Profile(interests, "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7,
				ZoneId.of("UTC"), 10);
	}

	private static PaperRecord paper(String id, String title) {
		return new PaperRecord("huggingface", id, title,
				"We train spiking neural networks with surrogate gradients on neuromorphic hardware.",
				List.of("Ada Lovelace"), List.of(), PaperLinks.forArxiv(id), null, null, 10, 0, List.of(), null);
	}

}
