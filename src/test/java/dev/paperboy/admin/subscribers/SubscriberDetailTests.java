package dev.paperboy.admin.subscribers;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class SubscriberDetailTests {

	@LocalServerPort
	int port;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	ConsoleClient console;

	long subscriber;

	@BeforeEach
	void subscriberWithADigest() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
		this.console = new ConsoleClient(this.port);
		this.console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		this.catalog
			.save(List.of(new PaperRecord("huggingface", "2611.00301", "Spiking neural networks on neuromorphic chips",
					"We train spiking networks on chips.", List.of("Ada Lovelace"), List.of(),
					PaperLinks.forArxiv("2611.00301"), null, null, 30, 0, List.of(), null)));
		this.subscriber = this.subscriptions.importActive(EmailAddress.parse("reader@example.org").orElseThrow(),
				new Profile("Spiking neural networks", "neuromorphic", List.of("Ada Lovelace"), List.of("cs.NE"),
						Profile.Cadence.WEEKLY, DayOfWeek.FRIDAY, 9, ZoneId.of("Europe/Berlin"), 5),
				List.of(), new ClientInfo("192.0.2.7", "Importer/1.0"));
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, sent_at)
				values (?, '2026-11-20', now(), 'SENT', 1, now())
				""").param(this.subscriber).update();
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, attempts, last_error)
				values (?, '2026-11-27', now() + interval '1 day', 'FAILED', 12, '550 mailbox unavailable')
				""").param(this.subscriber).update();
		this.jdbc
			.sql("insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons) "
					+ "select d.id, ?, p.id, 1, 0.5, '{because}' from paper p, digest d "
					+ "where p.key = '2611.00301' and d.period = '2026-11-20'")
			.param(this.subscriber)
			.update();
		this.subscriptions.giveFeedback(this.subscriber, "2611.00301", true);
	}

	@Test
	void detailShowsProfileConsentDigestsWithPapersAndFeedback() {
		HttpResponse<String> page = this.console.get("/admin/subscribers/" + this.subscriber);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("reader@example.org", "Spiking neural networks", "neuromorphic",
				"Ada Lovelace", "cs.NE", "weekly on Friday at 9:00 Europe/Berlin, 5 papers", "OPERATOR_IMPORT",
				"192.0.2.7", "Importer/1.0", "2026-11-20", "Spiking neural networks on neuromorphic chips",
				"https://arxiv.org/abs/2611.00301", "2026-11-27", "FAILED", "550 mailbox unavailable",
				"More like this");
		assertThat(page.body().indexOf("2026-11-27")).as("newest first").isLessThan(page.body().indexOf("2026-11-20"));

		JsonNode detail = ApiClient.json(this.api.adminGet("/api/v1/admin/subscribers/" + this.subscriber));
		assertThat(detail.get("subscriber").get("email").asString()).isEqualTo("reader@example.org");
		assertThat(detail.get("digests").get("digests").get(1).get("papers").get(0).get("title").asString())
			.isEqualTo("Spiking neural networks on neuromorphic chips");
		assertThat(this.api.adminGet("/api/v1/admin/subscribers/999999").getStatusCode().value()).isEqualTo(404);
		assertThat(this.console.get("/admin/subscribers/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void previewIsServedFromItsOwnUrlWithItsOwnPolicy() {
		HttpResponse<String> page = this.console.get("/admin/subscribers/" + this.subscriber + "/preview");
		assertThat(page.body()).contains("<iframe class=\"preview light\" sandbox", "preview.html?theme=dark");

		HttpResponse<String> html = this.console
			.get("/admin/subscribers/" + this.subscriber + "/preview.html?theme=dark");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow())
			.isEqualTo(SubscriberDetailConsole.PREVIEW_POLICY);
		assertThat(html.body()).doesNotContain("prefers-color-scheme: dark");
	}

	@Test
	void resendsAConfirmationOnlyToPendingSubscribers() {
		this.console.get("/admin/subscribers/" + this.subscriber);
		this.console.post("/admin/subscribers/" + this.subscriber + "/confirmation", Map.of());
		assertThat(this.console.get("/admin/subscribers/" + this.subscriber).body())
			.contains("Only pending subscribers get confirmations.");

		this.subscriptions.subscribe(EmailAddress.parse("pending@example.org").orElseThrow(), Profile.DEFAULT,
				new ClientInfo("127.0.0.1", "test"));
		long pending = this.jdbc.sql("select id from subscriber where email_key = 'pending@example.org'")
			.query(Long.class)
			.single();
		ResponseEntity<String> again = this.api.rest()
			.post()
			.uri("/api/v1/admin/subscribers/" + pending + "/confirmation")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
		assertThat(again.getStatusCode().value()).as("the sign-up's email went out a moment ago").isEqualTo(429);
		this.jdbc.sql("update subscriber set confirmation_sent_at = now() - interval '2 hours' where id = ?")
			.param(pending)
			.update();
		ResponseEntity<String> sent = this.api.rest()
			.post()
			.uri("/api/v1/admin/subscribers/" + pending + "/confirmation")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
		assertThat(sent.getStatusCode().value()).isEqualTo(202);
	}

}
