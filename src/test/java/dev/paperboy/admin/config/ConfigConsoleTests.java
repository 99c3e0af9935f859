package dev.paperboy.admin.config;

import java.net.http.HttpResponse;
import java.util.List;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.PaperboyTest;
import dev.paperboy.admin.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective configuration shows every Paperboy property with its source, and no
 * secret.
 */
@PaperboyTest
class ConfigConsoleTests {

	// the secrets of application-test.properties
	static final List<String> SECRETS = List.of("test-admin-token-0123456789",
			"test-signing-key-0123456789abcdef0123456789", "test-suppression-salt-0123456789",
			"test-admin-password-0123");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAdminSeesEveryPropertyWithItsSourceAndNoSecret() {
		ConsoleClient admin = new ConsoleClient(this.port);
		admin.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		HttpResponse<String> page = admin.get("/admin/config");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("paperboy.delivery.from</code>")
			.contains("papers@paperboy.test")
			.contains("application-test.properties")
			.as("a default nobody set")
			.contains("paperboy.delivery.outbox.batch-size</code>")
			.contains("default (not set)")
			.contains("paperboy.admin.api-token</code>")
			.contains("masked")
			.contains("spring.datasource.url</code>")
			.contains("jdbc:postgresql://");
		ResponseEntity<String> api = new ApiClient(this.port).adminGet("/api/v1/admin/config");
		assertThat(api.getStatusCode().value()).isEqualTo(200);
		for (String secret : SECRETS) {
			assertThat(page.body()).doesNotContain(secret);
			assertThat(api.getBody()).doesNotContain(secret);
		}
	}

	@Test
	void onlyAnAdminSeesIt() {
		ConsoleClient.user(this.context, "otto", Role.OPERATOR, "operator-password-0123");
		ConsoleClient operator = new ConsoleClient(this.port);
		operator.login("otto", "operator-password-0123");
		assertThat(operator.get("/admin/config").statusCode()).isEqualTo(403);
	}

}
