package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
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
class SendingSwitchTests {

	private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	@LocalServerPort
	int port;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	DigestComposer composer;

	@Autowired
	SendingSwitch sending;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.catalog.save(List.of(new PaperRecord("huggingface", "2611.00001", "Memory-augmented language models",
				"Language models with an external memory.", List.of("Ada Lovelace"), List.of(),
				PaperLinks.forArxiv("2611.00001"), null, null, 10, 0, List.of(), null)));
	}

	@AfterEach
	void resume() {
		this.sending.resume("test");
	}

	@Test
	void pausedSendsNeitherQueuedDigestsNorOneOffMailsAndResumedSendsBoth() throws Exception {
		JsonNode paused = ApiClient.json(post("/api/v1/admin/sending/pause"));
		assertThat(paused.get("paused").asBoolean()).isTrue();
		assertThat(paused.get("changedBy").asString()).isNotBlank();
		// the workers' reading of the switch is at most two seconds old
		Thread.sleep(2500);

		String reader = "paused-digest@example.org";
		long subscriber = this.subscriptions.importActive(EmailAddress.parse(reader).orElseThrow(), profile(),
				List.of(), CLIENT);
		long paper = this.jdbc.sql("select id from paper").query(Long.class).single();
		new TransactionTemplate(this.transactions).executeWithoutResult(
				(status) -> this.composer.store(List.of(new Composed(subscriber, "2026-11-20", Instant.now(), false,
						List.of(new Composed.Pick(paper, 0.9, List.of("close to your interests")))))));
		String signUp = "paused-confirmation@example.org";
		this.subscriptions.subscribe(EmailAddress.parse(signUp).orElseThrow(), profile(), CLIENT);

		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> received(reader, signUp) == 0);
		assertThat(this.jdbc.sql("select status from digest").query(String.class).single()).isIn("QUEUED", "RETRY");
		assertThat(this.jdbc.sql("select status from mail_message").query(String.class).list()).isNotEmpty()
			.allMatch((status) -> status.equals("QUEUED") || status.equals("RETRY"));
		assertThat(this.jdbc.sql("select attempts from mail_message").query(Integer.class).single())
			.as("a paused send is no attempt")
			.isZero();

		assertThat(ApiClient.json(post("/api/v1/admin/sending/resume")).get("paused").asBoolean()).isFalse();

		await().atMost(Duration.ofSeconds(20)).until(() -> received(reader, signUp) == 2);
		assertThat(this.jdbc.sql("select status from digest").query(String.class).single()).isEqualTo("SENT");
	}

	@Test
	void anotherInstanceReadsTheSwitchFromTheDatabase() {
		SendingSwitch other = new SendingSwitch(JdbcClient.create(this.dataSource), Duration.ofMillis(100));
		assertThat(other.paused()).isFalse();

		this.sending.pause("operator");

		await().atMost(Duration.ofSeconds(2)).until(other::paused);
		assertThat(other.state().changedBy()).isEqualTo("operator");
		JsonNode state = ApiClient.json(new ApiClient(this.port).adminGet("/api/v1/admin/sending"));
		assertThat(state.get("paused").asBoolean()).isTrue();

		this.sending.resume("operator");

		await().atMost(Duration.ofSeconds(2)).until(() -> !other.paused());
	}

	private org.springframework.http.ResponseEntity<String> post(String path) {
		return new ApiClient(this.port).rest()
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
	}

	private static long received(String... addresses) {
		List<String> wanted = List.of(addresses);
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return wanted.contains(message.getAllRecipients()[0].toString());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static Profile profile() {
		return new Profile("memory", "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7,
				ZoneId.of("UTC"), 3);
	}

}
