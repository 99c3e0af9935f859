package dev.paperboy.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.paperboy.PaperboyTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents tell the truth: the public API's real answers (202 for a sign-up,
 * 429 with Retry-After, problem details), the admin API in its own group behind bearer
 * tokens with every mapped admin route in it. Writes both to {@code target/openapi/} for
 * {@code redocly lint} (.ci/run).
 */
@PaperboyTest
class OpenApiDocumentTests {

	static final Path OUTPUT = Path.of("target", "openapi");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void thePublicDocumentStatesTheRealAnswers() throws Exception {
		JsonNode document = document("public");

		assertThat(document.at("/info/title").asString()).isEqualTo("Paperboy");
		assertThat(document.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
		assertThat(document.at("/info/license/name").asString()).isNotBlank();
		assertThat(fieldNames(document.at("/paths")))
			.contains("/api/v1/papers", "/api/v1/subscriptions", "/api/v1/subscriptions/{token}")
			.noneMatch((path) -> path.startsWith("/api/v1/admin"));
		JsonNode signUp = document.at("/paths/~1api~1v1~1subscriptions/post/responses");
		assertThat(fieldNames(signUp)).contains("202", "400", "415", "429").doesNotContain("200");
		assertThat(signUp.at("/429/headers/Retry-After").isMissingNode()).isFalse();
		assertThat(signUp.at("/429/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(fieldNames(document.at("/paths/~1api~1v1~1subscriptions~1{token}/get/responses"))).contains("200",
				"404");
		assertThat(fieldNames(document.at("/components/schemas/Problem/properties"))).contains("type", "title",
				"status", "detail");
		for (JsonNode operation : operations(document)) {
			assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
				.as("%s needs no token", operation.path("operationId").asString())
				.isTrue();
		}
	}

	@Test
	void theAdminDocumentHasEveryAdminRouteBehindABearerToken() throws Exception {
		JsonNode document = document("admin");

		assertThat(document.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
		assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		List<JsonNode> operations = operations(document);
		assertThat(operations).isNotEmpty();
		for (JsonNode operation : operations) {
			String name = operation.path("operationId").asString();
			assertThat(operation.at("/security/0/bearer").isArray()).as(name).isTrue();
			assertThat(fieldNames(operation.path("responses"))).as(name).contains("401", "403");
		}
		Set<String> documented = new TreeSet<>();
		document.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
		assertThat(documented).as("documented admin operations").containsAll(mappedAdminRoutes());
		assertThat(document.at("/paths/~1api~1v1~1admin~1papers~1{id}/get/responses/404/content")
			.has("application/problem+json")).isTrue();
		assertThat(document.at("/paths/~1api~1v1~1admin~1users~1{id}/delete/responses/409/description").asString())
			.isEqualTo("The change would leave no enabled admin");
	}

	private Set<String> mappedAdminRoutes() {
		Set<String> routes = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> info.getPatternValues().forEach((pattern) -> {
			if (pattern.startsWith("/api/v1/admin")) {
				info.getMethodsCondition().getMethods().forEach((method) -> routes.add(method.name() + " "
				// the document names a variable without its pattern: {id:\\d+} is {id}
						+ pattern.replace("{*", "{").replaceAll("\\{(\\w+):[^}]+}", "{$1}")));
			}
		}));
		assertThat(routes).as("mapped admin routes").isNotEmpty();
		return routes;
	}

	private JsonNode document(String group) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs/" + group)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(group).isEqualTo(200);
		Files.createDirectories(OUTPUT);
		JsonNode document = this.json.readTree(response.body());
		Files.writeString(OUTPUT.resolve(group + ".json"),
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		return document;
	}

	private static List<JsonNode> operations(JsonNode document) {
		List<JsonNode> operations = new ArrayList<>();
		document.path("paths").forEach((path) -> path.forEach(operations::add));
		return operations;
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

}
