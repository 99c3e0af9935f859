package dev.paperboy.ingest;

import java.nio.charset.StandardCharsets;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-request corpus's part that goes through an import: script, event handlers
 * and {@code javascript:} links in a paper's text, uploaded through the admin API like
 * any file, never reach a page as markup or a live link (the public search, the console's
 * paper page) and never leave the API as a link.
 */
@PaperboyTest
class HostilePaperTextTests {

	private static final String LINES = """
			{"title": "<script>alert(1)</script> Spiking nets", "abstract": "An <img src=x onerror=alert(1)> abstract, \\u2028 then more.", "arxivId": "2612.00001", "links": {"project": "https://example.org/p?a=1&b=2"}}
			{"title": "Spiking nets with a script link", "abstract": "Plain.", "arxivId": "2612.00004", "links": {"code": "javascript:alert(1)"}}
			{"title": "Quiet paper with a \\"quote\\" and </textarea>", "abstract": "Plain text.", "arxivId": "2612.00002", "links": {"project": " JaVaScRiPt:alert(2)"}}
			{"title": "Data link paper", "abstract": "Plain text.", "arxivId": "2612.00003", "links": {"pdf": "data:text/html,<script>alert(3)</script>"}}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void scriptAndJavascriptLinksInPaperTextStayText() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(LINES.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "hostile.jsonl";
			}
		});
		ResponseEntity<String> imported = new ApiClient(this.port).rest()
			.post()
			.uri("/api/v1/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);
		assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
		JsonNode run = ApiClient.json(imported);
		assertThat(run.get("added").asInt()).as("the paper whose only fault is markup in its text").isEqualTo(1);
		assertThat(run.get("rejected").asInt()).as("the three with a javascript: or data: link").isEqualTo(3);

		for (String key : this.jdbc.sql("select key from paper order by key").query(String.class).list()) {
			JsonNode paper = ApiClient.json(new ApiClient(this.port).rest()
				.get()
				.uri("/api/v1/papers/" + key)
				.retrieve()
				.toEntity(String.class));
			assertThat(paper.path("links").toString()).as("links of " + key)
				.doesNotContainIgnoringCase("javascript:")
				.doesNotContainIgnoringCase("data:");
		}
		assertThat(this.jdbc.sql("select count(*) from paper where title like '<script>%'").query(Long.class).single())
			.as("the text is kept as it was written, as text")
			.isEqualTo(1);

		String search = new ApiClient(this.port).rest()
			.get()
			.uri("/papers?q=spiking")
			.retrieve()
			.toEntity(String.class)
			.getBody();
		assertThat(search).contains("&lt;script&gt;alert(1)&lt;/script&gt; Spiking nets");
		harmless(search);

		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		for (long id : this.jdbc.sql("select id from paper").query(Long.class).list()) {
			harmless(console.get("/admin/papers/" + id).body());
		}
		harmless(console.get("/admin/papers?q=paper").body());
	}

	private static void harmless(String html) {
		assertThat(html).doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.doesNotContainIgnoringCase("href=\"javascript:")
			.doesNotContainIgnoringCase("href=\" javascript:")
			.doesNotContainIgnoringCase("href=\"data:")
			.doesNotContain("and </textarea>");
	}

}
