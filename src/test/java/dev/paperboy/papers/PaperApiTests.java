package dev.paperboy.papers;

import java.time.LocalDate;
import java.util.List;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.paperboy.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class PaperApiTests {

	@LocalServerPort
	int port;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
		this.catalog.save(List.of(new PaperRecord("arxiv", "2501.00001", "Memory-augmented language models",
				"We add an external memory to a transformer.", List.of("Ada Lovelace", "Alan Turing"), List.of("cs.CL"),
				PaperLinks.forArxiv("2501.00001"), LocalDate.of(2025, 1, 2), null, null, null, List.of(), null),
				new PaperRecord("arxiv", "hep-th/9901001", "Strings at low energy", "A classic on memory of strings.",
						List.of("Edward Witten"), List.of("hep-th"), PaperLinks.forArxiv("hep-th/9901001"),
						LocalDate.of(1999, 1, 4), null, null, null, List.of(), null),
				PaperRecord.of("file", "<img src=x onerror=alert(1)> Vision transformers", "Patches of images.")));
	}

	@Test
	void searchesByFullTextWithTotalsAndPaging() {
		JsonNode page = json(this.api.get("/api/v1/papers?q=memory&limit=1"));

		assertThat(page.get("total").asInt()).isEqualTo(2);
		assertThat(page.get("papers")).hasSize(1);
		assertThat(page.get("papers").get(0).get("key").asString()).isEqualTo("2501.00001");
		assertThat(page.get("papers").get(0).get("abstract").asString()).contains("external memory");
		assertThat(page.get("papers").get(0).get("links").get("pdf").asString())
			.isEqualTo("https://arxiv.org/pdf/2501.00001");
		JsonNode second = json(this.api.get("/api/v1/papers?q=memory&limit=1&page=1"));
		assertThat(second.get("papers").get(0).get("key").asString()).isEqualTo("hep-th/9901001");
	}

	@Test
	void filtersByDay() {
		JsonNode page = json(this.api.get("/api/v1/papers?from=2025-01-01&to=2025-01-31"));

		assertThat(page.get("papers")).extracting((paper) -> paper.get("key").asString()).containsExactly("2501.00001");
	}

	@Test
	void findsAPaperByAnOldStyleArxivIdWithASlash() {
		ResponseEntity<String> response = this.api.get("/api/v1/papers/hep-th/9901001");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json(response).get("title").asString()).isEqualTo("Strings at low energy");
		assertThat(json(response).get("popularity").isArray()).isTrue();
	}

	@Test
	void returnsMarkupAsEscapedJsonText() {
		ResponseEntity<String> response = this.api.get("/api/v1/papers?q=vision");

		assertThat(json(response).get("papers").get(0).get("title").asString())
			.isEqualTo("<img src=x onerror=alert(1)> Vision transformers");
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
	}

	@Test
	void answersBadRequestsWithAProblem() {
		ResponseEntity<String> badDate = this.api.get("/api/v1/papers?from=2026-02-30");
		ResponseEntity<String> badLimit = this.api.get("/api/v1/papers?limit=1000");
		ResponseEntity<String> badRange = this.api.get("/api/v1/papers?from=2026-02-02&to=2026-02-01");

		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json(badLimit).get("detail").asString()).contains("limit");
		assertThat(badRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badRange.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}

	@Test
	void answersNotFoundForAnUnknownKey() {
		assertThat(this.api.get("/api/v1/papers/2999.99999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
