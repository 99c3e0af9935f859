package dev.paperboy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the running test server over HTTP and never throws on an error status, so tests
 * can assert on it.
 */
public final class ApiClient {

	public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

	private final RestClient client;

	public ApiClient(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	public RestClient rest() {
		return this.client;
	}

	public ResponseEntity<String> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(String.class);
	}

	public ResponseEntity<String> adminGet(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
			.retrieve()
			.toEntity(String.class);
	}

	public static JsonNode json(ResponseEntity<String> response) {
		return JsonMapper.shared().readTree(response.getBody());
	}

}
