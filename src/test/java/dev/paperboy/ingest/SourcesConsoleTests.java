package dev.paperboy.ingest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PaperboyTest
class SourcesConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void anUploadThatDoesNotWaitAnswersWithTheRunningRunWhichThenFinishes() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new FileSystemResource(Path.of("src/test/resources/fixtures/hf-daily-papers.json")));
		ResponseEntity<String> started = new ApiClient(this.port).rest()
			.post()
			.uri("/api/v1/admin/imports?wait=false")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);

		assertThat(started.getStatusCode().value()).isEqualTo(202);
		long run = ApiClient.json(started).get("id").asLong();
		assertThat(started.getHeaders().getLocation()).hasToString("/api/v1/admin/fetch-runs/" + run);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ApiClient.json(new ApiClient(this.port).adminGet("/api/v1/admin/fetch-runs/" + run))
				.get("status")
				.asString()
				.equals("SUCCEEDED"));
		JsonNode finished = ApiClient.json(new ApiClient(this.port).adminGet("/api/v1/admin/fetch-runs/" + run));
		assertThat(finished.get("added").asInt()).isPositive();
		assertThat(finished.get("target").asString()).isEqualTo("upload hf-daily-papers.json");
	}

	@Test
	void theConsoleUploadStartsARunWhoseStatusRefreshesUntilItFinishes() {
		ConsoleClient operator = new ConsoleClient(this.port);
		ConsoleClient.user(this.context, "operator", Role.OPERATOR, "operator-password-0123456789");
		operator.login("operator", "operator-password-0123456789");
		HttpResponse<String> page = operator.get("/admin/sources");
		assertThat(page.body()).contains("Upload and import", "huggingface", "arxiv");

		HttpResponse<String> empty = operator.post("/admin/sources/upload", java.util.Map.of());
		assertThat(empty.body()).contains("Choose a file that is not empty.");

		long run = this.jdbc
			.sql("insert into fetch_run (source, trigger, target, started_at, status) "
					+ "values ('file', 'IMPORT', 'upload x', now(), 'RUNNING') returning id")
			.query(Long.class)
			.single();
		String running = operator.get("/admin/fetch-runs/" + run + "/status").body();
		assertThat(running).contains("hx-trigger=\"every 1s\"", "running");
		this.jdbc.sql("update fetch_run set status = 'SUCCEEDED', finished_at = now() where id = ?")
			.param(run)
			.update();
		String finished = operator.get("/admin/fetch-runs/" + run + "/status").body();
		assertThat(finished).contains("succeeded").doesNotContain("hx-trigger");
	}

	@Test
	void aViewerSeesSourcesButNeitherUploadsNorFetches() {
		ConsoleClient.user(this.context, "reader", Role.VIEWER, "reader-password-0123456789");
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.login("reader", "reader-password-0123456789");
		HttpResponse<String> page = viewer.get("/admin/sources");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sources and fetch runs").doesNotContain("Upload and import", "Fetch now");
		assertThat(viewer.post("/admin/sources/huggingface/fetch", java.util.Map.of()).statusCode()).isEqualTo(403);
		assertThat(viewer.post("/admin/sources/upload", java.util.Map.of()).statusCode()).isEqualTo(403);
		assertThat(viewer.get("/admin/fetch-runs/424242").statusCode()).isEqualTo(404);
	}

}
