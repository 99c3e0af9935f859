package dev.paperboy.delivery;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.admin.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression list in the console and the admin API: found by whole address (the list
 * keeps only hashes), added and removed with a reason that is recorded, paged.
 */
@PaperboyTest
class SuppressionConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Suppressions suppressions;

	@Autowired
	ApplicationContext context;

	ConsoleClient operator;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		ConsoleClient.user(this.context, "otto", Role.OPERATOR, "operator-password-0123");
		this.operator = new ConsoleClient(this.port);
		this.operator.login("otto", "operator-password-0123");
	}

	@Test
	void anOperatorAddsFindsAndRemovesAnAddressWithReasons() {
		this.operator.get("/admin/suppressions");
		HttpResponse<String> added = this.operator.post("/admin/suppressions",
				Map.of("address", "Ada@Example.org", "reason", "asked by phone"));
		assertThat(added.statusCode()).isEqualTo(302);
		String hash = this.suppressions.hash("ada@example.org");
		assertThat(this.suppressions.isSuppressed("ada@example.org")).isTrue();

		HttpResponse<String> found = this.operator.get("/admin/suppressions?q=ada%40example.org");
		assertThat(found.body()).contains(hash.substring(0, 16))
			.contains("asked by phone")
			.contains("search by the whole address")
			.contains(">added<")
			.contains(">otto<")
			.contains("Remove from the list");
		assertThat(this.operator.get("/admin/suppressions?q=ada%40").statusCode()).as("part of an address")
			.isEqualTo(400);
		assertThat(this.operator.get("/admin/suppressions?q=ada").body())
			.contains("Search for a whole address, or an entry&#39;s 64-character hash");

		this.operator.get("/admin/suppressions?q=" + hash);
		assertThat(this.operator.post("/admin/suppressions/remove", Map.of("hash", hash, "reason", "")).statusCode())
			.isEqualTo(302);
		assertThat(this.suppressions.isSuppressed("ada@example.org")).as("no reason, no removal").isTrue();
		this.operator.post("/admin/suppressions/remove", Map.of("hash", hash, "reason", "suppressed by mistake"));
		assertThat(this.suppressions.isSuppressed("ada@example.org")).isFalse();
		assertThat(this.suppressions.changes(hash))
			.extracting(Suppressions.Change::action, Suppressions.Change::reason, Suppressions.Change::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("REMOVE", "suppressed by mistake", "otto"),
					org.assertj.core.groups.Tuple.tuple("ADD", "asked by phone", "otto"));
	}

	@Test
	void theListPagesNewestFirst() {
		for (int i = 0; i < 55; i++) {
			this.suppressions.suppress("reader" + i + "@example.org", "hard bounce");
			this.jdbc
				.sql("update suppression set created_at = now() - make_interval(mins => :i) where address_hash = :h")
				.param("i", i)
				.param("h", this.suppressions.hash("reader" + i + "@example.org"))
				.update();
		}
		Suppressions.Page first = this.suppressions.page(null, null, 50);
		assertThat(first.entries()).hasSize(50);
		assertThat(first.entries().get(0).hash()).isEqualTo(this.suppressions.hash("reader0@example.org"));
		Suppressions.Page second = this.suppressions.page(null, first.next(), 50);
		assertThat(second.entries()).hasSize(5);
		assertThat(second.next()).isNull();
		assertThat(second.entries().get(4).hash()).isEqualTo(this.suppressions.hash("reader54@example.org"));
		HttpResponse<String> page = this.operator.get("/admin/suppressions");
		assertThat(page.body()).contains("Older →");
		assertThat(this.operator.get("/admin/suppressions?after=" + first.next()).body()).contains("← Newest")
			.doesNotContain("Older →");
	}

	@Test
	void theApiDoesTheSameAndAViewerOnlyReads() {
		ApiClient api = new ApiClient(this.port);
		ResponseEntity<String> added = api.rest()
			.post()
			.uri("/api/v1/admin/suppressions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"address\": \"bea@example.org\", \"reason\": \"complaint by letter\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(added.getStatusCode().value()).isEqualTo(201);
		JsonNode found = ApiClient.json(api.adminGet("/api/v1/admin/suppressions?q=bea@example.org"));
		assertThat(found.get("entries").get(0).get("reason").asString()).isEqualTo("complaint by letter");
		ResponseEntity<String> bad = api.adminGet("/api/v1/admin/suppressions?q=bea");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(bad).get("field").asString()).isEqualTo("address");
		ResponseEntity<String> removed = api.rest()
			.delete()
			.uri("/api/v1/admin/suppressions/bea@example.org?reason=letter withdrawn")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
		assertThat(removed.getStatusCode().value()).isEqualTo(204);
		assertThat(this.suppressions.isSuppressed("bea@example.org")).isFalse();

		ConsoleClient.user(this.context, "vera", Role.VIEWER, "viewer-password-0123");
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.login("vera", "viewer-password-0123");
		assertThat(viewer.get("/admin/suppressions").body()).doesNotContain("Suppress an address");
		assertThat(viewer.post("/admin/suppressions", Map.of("address", "x@example.org", "reason", "r")).statusCode())
			.isEqualTo(403);
	}

}
