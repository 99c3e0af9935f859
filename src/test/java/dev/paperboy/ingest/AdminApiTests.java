package dev.paperboy.ingest;

import java.nio.charset.StandardCharsets;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static dev.paperboy.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class AdminApiTests {

	static final String THREE_GOOD_TWO_BAD = """
			{"title": "First paper", "abstract": "About graphs.", "authors": ["Ada Lovelace"]}
			{"title": "Second paper", "abstract": "About memory.", "arxivId": "2503.00002"}
			{"title": "Broken paper", "abstract": "never closed"
			{"title": "Third paper", "abstract": "About sets.", "publishedOn": "2025-03-01"}
			{"title": "No abstract here"}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
	}

	@Test
	void refusesRequestsWithoutTheAdminToken() {
		ResponseEntity<String> none = this.api.get("/api/v1/admin/fetch-runs");
		ResponseEntity<String> wrong = this.api.rest()
			.get()
			.uri("/api/v1/admin/fetch-runs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer test-admin-token-0123456780")
			.retrieve()
			.toEntity(String.class);

		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(upload("papers.jsonl", THREE_GOOD_TWO_BAD, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(count("select count(*) from paper")).isZero();
	}

	@Test
	void importsAnUploadedFileAndReportsEveryRejectionWithItsReason() {
		ResponseEntity<String> response = upload("papers.jsonl", THREE_GOOD_TWO_BAD, ApiClient.ADMIN_TOKEN);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode run = json(response);
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("added").asInt()).isEqualTo(3);
		assertThat(run.get("rejected").asInt()).isEqualTo(2);
		assertThat(run.get("trigger").asString()).isEqualTo("IMPORT");
		assertThat(count("select count(*) from paper")).isEqualTo(3);

		JsonNode detail = json(this.api.adminGet("/api/v1/admin/fetch-runs/" + run.get("id").asLong()));
		assertThat(detail.get("rejections")).hasSize(2);
		assertThat(detail.get("rejections").get(0).get("record").asString()).isEqualTo("line 3");
		assertThat(detail.get("rejections").get(0).get("reason").asString()).startsWith("malformed JSON");
		assertThat(detail.get("rejections").get(1).get("record").asString()).isEqualTo("line 5");
		assertThat(detail.get("rejections").get(1).get("reason").asString()).isEqualTo("missing abstract");
	}

	@Test
	void listsFetchRunsNewestFirst() {
		upload("a.jsonl", "{\"title\": \"A\", \"abstract\": \"a\"}\n", ApiClient.ADMIN_TOKEN);
		upload("b.jsonl", "{\"title\": \"B\", \"abstract\": \"b\"}\n", ApiClient.ADMIN_TOKEN);

		JsonNode runs = json(this.api.adminGet("/api/v1/admin/fetch-runs"));

		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).get("target").asString()).isEqualTo("upload b.jsonl");
		assertThat(runs.get(1).get("target").asString()).isEqualTo("upload a.jsonl");
	}

	@Test
	void failsAnUploadInAnUnknownFormatWithAClearMessage() {
		JsonNode run = json(upload("notes.txt", "just some text", ApiClient.ADMIN_TOKEN));

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("message").asString()).contains("unrecognized format");
	}

	@Test
	void startsAFetchNowAndAnswersWhereToFollowIt() {
		ResponseEntity<String> response = this.api.rest()
			.post()
			.uri("/api/v1/admin/sources/huggingface/fetch?from=2026-03-01&to=2026-03-02")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode run = json(response);
		assertThat(response.getHeaders().getLocation().toString())
			.isEqualTo("/api/v1/admin/fetch-runs/" + run.get("id").asLong());
		assertThat(run.get("source").asString()).isEqualTo("huggingface");
		assertThat(run.get("windowFrom").asString()).isEqualTo("2026-03-01");
		assertThat(run.get("trigger").asString()).isEqualTo("MANUAL");
		// The run goes on in the background: the next test's cleaning must not pull its
		// row from under it.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofMinutes(1))
			.until(() -> this.jdbc.sql("select status from fetch_run where id = ?")
				.param(run.get("id").asLong())
				.query(String.class)
				.single(), (status) -> !"RUNNING".equals(status));
	}

	@Test
	void answersNotFoundForAnUnknownSource() {
		ResponseEntity<String> response = this.api.rest()
			.post()
			.uri("/api/v1/admin/sources/nowhere/fetch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private ResponseEntity<String> upload(String name, String content, String token) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		var request = this.api.rest().post().uri("/api/v1/admin/imports").contentType(MediaType.MULTIPART_FORM_DATA);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(form).retrieve().toEntity(String.class);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
