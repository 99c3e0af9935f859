package dev.paperboy.subscription;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public endpoints do with bodies that are too large, mis-shaped or not quite
 * numbers, and with links already used.
 */
@PaperboyTest
@ExtendWith(OutputCaptureExtension.class)
class PublicInputTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tokens tokens;

	Browserless web;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.web = new Browserless(this.port);
	}

	@Test
	void refusesAnOversizedJsonBodyWith413BeforeReadingIt() {
		String padding = "x".repeat(2 * 1024 * 1024);
		HttpResponse<String> sized = this.web.postJson("/api/v1/subscriptions",
				"{\"email\": \"big@example.org\", \"interests\": \"" + padding + "\"}");
		assertThat(sized.statusCode()).isEqualTo(413);
		assertThat(sized.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		byte[] body = ("{\"email\": \"big@example.org\", \"profile\": {\"interests\": \"" + padding + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> chunked = this.web
			.send(request("/api/v1/subscriptions").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertThat(chunked.statusCode()).as("a chunked body is counted").isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(subscribers()).isZero();
	}

	@Test
	void acceptsASmallChunkedJsonBodyAndForm() {
		byte[] json = "{\"email\": \"chunked@example.org\"}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> api = this.web
			.send(request("/api/v1/subscriptions").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))));
		assertThat(api.statusCode()).isEqualTo(202);
		byte[] form = ("email=form%40example.org&" + SubscriptionSecurityTests.FORM).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> page = this.web
			.send(request("/subscribe").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Check your inbox");
	}

	@Test
	void refusesAnOversizedFormQuietly(CapturedOutput output) {
		String form = "email=big%40example.org&interests=" + "x".repeat(3 * 1024 * 1024);
		HttpResponse<String> response = this.web.postForm("/subscribe", form);
		assertThat(response.statusCode()).isEqualTo(413);
		HttpResponse<String> console = this.web.postForm("/admin/login", "username=admin&password=" + form);
		assertThat(console.statusCode()).as("over the servlet container's own form limit").isEqualTo(413);
		assertThat(output.getAll().lines().filter((line) -> line.contains("-exec-") && line.contains(" ERROR ")))
			.isEmpty();
		assertThat(output.getAll()).doesNotContain("InvalidParameterException");
		assertThat(subscribers()).isZero();
	}

	@Test
	void refusesUnknownFieldsNamingThem() {
		HttpResponse<String> response = this.web.postJson("/api/v1/subscriptions",
				"{\"email\": \"ada@example.org\", \"interest\": \"typo\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(problem(response).path("field").asString()).isEqualTo("interest");
		HttpResponse<String> twice = this.web.postJson("/api/v1/subscriptions",
				"{\"email\": \"ada@example.org\", \"email\": \"bob@example.org\"}");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(problem(twice).path("field").asString()).isEqualTo("email");
		HttpResponse<String> text = this.web.send(request("/api/v1/subscriptions").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"ada@example.org\"}")));
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(subscribers()).isZero();
	}

	@Test
	void refusesFractionalAndOutOfRangeWholeNumbers() {
		for (String value : new String[] { "1.5", "1e2", "99999999999999999999", "-1", "100001" }) {
			HttpResponse<String> response = this.web.postJson("/api/v1/subscriptions",
					"{\"email\": \"ada@example.org\", \"profile\": {\"minUpvotes\": " + value + "}}");
			assertThat(response.statusCode()).as(value).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(value)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(problem(response).path("field").asString()).as(value)
				.isIn("minUpvotes", "profile.minUpvotes", "minimum upvotes");
		}
		assertThat(subscribers()).isZero();
	}

	@Test
	void putAcceptsWhatGetReturnsAndChangesNothing() {
		long id = active("ada@example.org");
		this.jdbc.sql("""
				update subscriber set interests = 'Graph neural networks', keywords = 'gnn', min_upvotes = 3,
				papers_per_digest = 7 where id = :id""").param("id", id).update();
		String path = "/api/v1/subscriptions/" + this.tokens.issue(id, TokenPurpose.MANAGE);
		String before = this.web.get(path).body();

		HttpResponse<String> put = this.web.send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(before)));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree(before));
		assertThat(JSON.readTree(this.web.get(path).body())).isEqualTo(JSON.readTree(before));
	}

	@Test
	void putRefusesAMisShapedBodyInsteadOfWipingTheProfile() {
		long id = active("ada@example.org");
		this.jdbc.sql("update subscriber set interests = 'Graph neural networks' where id = :id")
			.param("id", id)
			.update();
		String path = "/api/v1/subscriptions/" + this.tokens.issue(id, TokenPurpose.MANAGE);
		for (String body : new String[] { "{}", "{\"profil\": {\"interests\": \"x\"}}", "{\"keywords\": \"x\"}", "[]",
				"{\"profile\": {\"interests\": \"x\", \"bogus\": 1}}" }) {
			HttpResponse<String> put = this.web.send(request(path).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body)));
			assertThat(put.statusCode()).as(body).isEqualTo(400);
		}
		assertThat(JSON.readTree(this.web.get(path).body()).path("profile").path("interests").asString())
			.isEqualTo("Graph neural networks");
	}

	@Test
	void patchChangesOnlyTheFieldsGiven() {
		long id = active("ada@example.org");
		this.jdbc.sql("update subscriber set interests = 'Graph neural networks', papers_per_digest = 7 where id = :id")
			.param("id", id)
			.update();
		String path = "/api/v1/subscriptions/" + this.tokens.issue(id, TokenPurpose.MANAGE);
		HttpResponse<String> patch = this.web.send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"profile\": {\"minUpvotes\": 5}}")));
		assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
		JsonNode profile = JSON.readTree(patch.body()).path("profile");
		assertThat(profile.path("minUpvotes").asInt()).isEqualTo(5);
		assertThat(profile.path("interests").asString()).isEqualTo("Graph neural networks");
		assertThat(profile.path("papersPerDigest").asInt()).isEqualTo(7);
	}

	@Test
	void answersAUsedConfirmationLinkWithTheInvalidLinkPage() {
		long id = this.jdbc
			.sql("""
					insert into subscriber (email, email_key, status) values ('ada@example.org', 'ada@example.org', 'PENDING')
					returning id""")
			.query(Long.class)
			.single();
		Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("update subscriber set confirmation_issued_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(issuedAt))
			.param("id", id)
			.update();
		String confirm = "/confirm/" + ConfirmationTokens.of(this.tokens, id, issuedAt);
		assertThat(this.web.get(confirm).statusCode()).isEqualTo(200);
		assertThat(this.web.postForm(confirm, "").statusCode()).isEqualTo(200);

		HttpResponse<String> used = this.web.get(confirm);
		assertThat(used.statusCode()).isEqualTo(404);
		assertThat(used.body()).doesNotContain("Confirm my subscription")
			.isEqualTo(this.web.get("/confirm/not-a-token").body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private long active(String email) {
		return this.jdbc.sql("""
				insert into subscriber (email, email_key, status, confirmed_at) values (:email, :email, 'ACTIVE', now())
				returning id""").param("email", email).query(Long.class).single();
	}

	private long subscribers() {
		return this.jdbc.sql("select count(*) from subscriber").query(Long.class).single();
	}

	private static JsonNode problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		return JSON.readTree(response.body());
	}

}
