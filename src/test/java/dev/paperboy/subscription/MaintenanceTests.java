package dev.paperboy.subscription;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.admin.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance purges sign-ups never confirmed, counted first, and only those older than
 * asked.
 */
@PaperboyTest
class MaintenanceTests {

	static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		signUp("old1@example.org", 40);
		signUp("old2@example.org", 31);
		signUp("recent@example.org", 5);
		long active = this.subscriptions.importActive(EmailAddress.parse("active@example.org").orElseThrow(),
				Profile.DEFAULT, List.of(), CLIENT);
		backdate(active, 90);
		// signed up long ago, and again yesterday: a fresh confirmation link
		long again = signUp("again@example.org", 60);
		this.jdbc.sql("update subscriber set confirmation_sent_at = now() - interval '1 day' where id = :id")
			.param("id", again)
			.update();
		SubscriberEvents.awaitHandled(this.jdbc);
	}

	@Test
	void countsThenPurgesOnlyOldUnconfirmedSignUps() {
		ApiClient api = new ApiClient(this.port);
		ResponseEntity<String> count = api.adminGet("/api/v1/admin/maintenance/unconfirmed?olderThanDays=30");
		assertThat(ApiClient.json(count).get("count").asLong()).isEqualTo(2);
		assertThat(api.adminGet("/api/v1/admin/maintenance/unconfirmed?olderThanDays=0").getStatusCode().value())
			.isEqualTo(400);

		ConsoleClient admin = new ConsoleClient(this.port);
		admin.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		HttpResponse<String> page = admin.get("/admin/maintenance?olderThanDays=30");
		assertThat(page.body()).contains("Unconfirmed sign-ups older than 30 days")
			.contains("Purge 2 sign-ups")
			.contains("data-confirm=\"Delete 2 unconfirmed sign-ups older than 30 days? This cannot be undone.\"");
		HttpResponse<String> purged = admin.post("/admin/maintenance/purge", Map.of("olderThanDays", "30"));
		assertThat(purged.statusCode()).isEqualTo(302);
		assertThat(emails()).containsExactlyInAnyOrder("recent@example.org", "active@example.org", "again@example.org");
		assertThat(this.jdbc.sql(
				"select count(distinct serialized_event) from event_publication where event_type like '%SubscriberEvent$Erased'")
			.query(Long.class)
			.single()).as("other modules hear of each").isEqualTo(2);
		assertThat(ApiClient.json(api.adminGet("/api/v1/admin/maintenance/unconfirmed?olderThanDays=30"))
			.get("count")
			.asLong()).isZero();

		ResponseEntity<String> viaApi = api.rest()
			.post()
			.uri("/api/v1/admin/maintenance/unconfirmed/purge?olderThanDays=2")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
		assertThat(ApiClient.json(viaApi).get("purged").asLong()).isEqualTo(1);
		assertThat(emails()).containsExactlyInAnyOrder("active@example.org", "again@example.org");
	}

	@Test
	void aViewerCountsButCannotPurge() {
		ConsoleClient.user(this.context, "vera", Role.VIEWER, "viewer-password-0123");
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.login("vera", "viewer-password-0123");
		HttpResponse<String> page = viewer.get("/admin/maintenance?olderThanDays=30");
		assertThat(page.body()).contains("Only an admin can purge them.").doesNotContain("Purge 2 sign-ups");
		assertThat(viewer.post("/admin/maintenance/purge", Map.of("olderThanDays", "30")).statusCode()).isEqualTo(403);
		assertThat(emails()).hasSize(5);
	}

	private long signUp(String email, int daysAgo) {
		this.subscriptions.subscribe(EmailAddress.parse(email).orElseThrow(), Profile.DEFAULT, CLIENT);
		long id = this.jdbc.sql("select id from subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		backdate(id, daysAgo);
		return id;
	}

	private void backdate(long id, int days) {
		this.jdbc.sql("""
				update subscriber set created_at = now() - make_interval(days => :days),
				    confirmation_sent_at = now() - make_interval(days => :days) where id = :id
				""").param("days", days).param("id", id).update();
	}

	private List<String> emails() {
		return this.jdbc.sql("select email from subscriber").query(String.class).list();
	}

}
