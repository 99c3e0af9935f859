package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PaperboyTest
@Import(EmptyOutboxFirst.class)
// Outbox workers poll the database every context shares: only the running class's send.
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=2")
@DirtiesContext
class DigestAdminApiTests {

	@LocalServerPort
	int port;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	long subscriber;

	@BeforeEach
	void subscriber() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
		this.catalog.save(List.of(
				new PaperRecord("huggingface", "2611.00301", "Spiking neural networks on neuromorphic chips",
						"We train spiking neural networks on neuromorphic hardware.", List.of("Ada Lovelace"),
						List.of(), PaperLinks.forArxiv("2611.00301"), null, null, 30, 0, List.of(), null),
				new PaperRecord("huggingface", "2611.00302", "Surrogate gradients for spiking networks",
						"Surrogate gradients train deep spiking neural networks.", List.of("Alan Turing"), List.of(),
						PaperLinks.forArxiv("2611.00302"), null, null, 5, 0, List.of(), null)));
		this.embedder.embedAll();
		this.subscriber = this.subscriptions.importActive(
				EmailAddress.parse("ops@example.org").orElseThrow(), new Profile("Spiking neural networks", "",
						List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));
	}

	@Test
	void previewsSendsNowListsAndTestsWithTheAdminToken() {
		ResponseEntity<String> html = this.api
			.adminGet("/api/v1/admin/subscribers/" + this.subscriber + "/digest/preview?format=html");
		assertThat(html.getStatusCode().value()).isEqualTo(200);
		assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(html.getHeaders().getFirst("Content-Security-Policy")).startsWith("sandbox");
		assertThat(html.getBody()).contains("Spiking neural networks on neuromorphic chips");
		JsonNode preview = ApiClient
			.json(this.api.adminGet("/api/v1/admin/subscribers/" + this.subscriber + "/digest/preview"));
		assertThat(preview.get("subject").asString()).contains("2 papers");
		assertThat(preview.get("headers").get("List-Unsubscribe-Post").asString())
			.isEqualTo("List-Unsubscribe=One-Click");
		assertThat(this.jdbc.sql("select count(*) from digest").query(Integer.class).single())
			.as("a preview stores nothing")
			.isZero();

		// The tests share one SMTP server: count from what this address already received.
		int before = received("ops@example.org").size();
		ResponseEntity<String> now = post("/api/v1/admin/subscribers/" + this.subscriber + "/digest", null);
		assertThat(now.getStatusCode().value()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> received("ops@example.org").size() == before + 1);
		// Marked sent right after the server's acceptance: a moment after the message
		// arrives.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.sql("select count(*) from digest where status = 'SENT'")
				.query(Integer.class)
				.single() == 1);
		JsonNode deliveries = ApiClient.json(this.api.adminGet("/api/v1/admin/deliveries?status=SENT"));
		assertThat(deliveries.get("deliveries")).hasSize(1);
		assertThat(deliveries.get("counts").get("SENT").asInt()).isEqualTo(1);
		ResponseEntity<String> nothing = post("/api/v1/admin/subscribers/" + this.subscriber + "/digest", null);
		assertThat(nothing.getStatusCode().value()).as("everything was sent: nothing qualifies now").isEqualTo(409);
		assertThat(nothing.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(ApiClient.json(nothing).get("detail").asString()).contains("nothing to send");
		ResponseEntity<String> unknown = this.api.adminGet("/api/v1/admin/subscribers/999999/digest/preview");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
		ResponseEntity<String> notAnAddress = post("/api/v1/admin/digests/test", "{\"to\": \"nobody\"}");
		assertThat(notAnAddress.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(notAnAddress).get("detail").asString()).isEqualTo("to: not an email address");

		ResponseEntity<String> test = post("/api/v1/admin/digests/test",
				"{\"to\": \"someone-else@example.org\", \"subscriberId\": " + this.subscriber + "}");
		assertThat(test.getStatusCode().value()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> received("someone-else@example.org").size() >= 1);
		assertThat(this.jdbc.sql("select count(*) from digest").query(Integer.class).single())
			.as("a test send is not recorded")
			.isEqualTo(1);
		assertThat(post("/api/v1/admin/digests/test", "{\"to\": \"not an address\"}").getStatusCode().value())
			.isEqualTo(400);

		assertThat(ApiClient.json(post("/api/v1/admin/digests/run", null)).has("queued")).isTrue();
		assertThat(this.api.adminGet("/api/v1/admin/deliveries?status=BOGUS").getStatusCode().value()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/admin/deliveries").getStatusCode().value()).isEqualTo(401);
		assertThat(this.api.rest()
			.post()
			.uri("/api/v1/admin/digests/run")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void retriesAFailedDelivery() {
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, last_error)
				values (?, '2026-11-20', now(), 'FAILED', 12, '451 try later')
				""").param(this.subscriber).update();
		long id = this.jdbc.sql("select id from digest").query(Long.class).single();
		this.jdbc
			.sql("insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons) "
					+ "select ?, ?, id, 1, 0.5, '{because}' from paper where key = '2611.00301'")
			.param(id)
			.param(this.subscriber)
			.update();

		assertThat(post("/api/v1/admin/deliveries/" + id + "/retry", null).getStatusCode().value()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> "SENT".equals(
					this.jdbc.sql("select status from digest where id = ?").param(id).query(String.class).single()));
		assertThat(post("/api/v1/admin/deliveries/" + id + "/retry", null).getStatusCode().value()).isEqualTo(409);
	}

	private ResponseEntity<String> post(String path, String json) {
		var request = this.api.rest()
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN);
		if (json != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return request.retrieve().toEntity(String.class);
	}

	private static List<MimeMessage> received(String address) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
