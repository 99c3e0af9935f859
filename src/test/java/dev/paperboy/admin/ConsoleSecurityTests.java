package dev.paperboy.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.admin.users.ConsoleUsers;
import dev.paperboy.admin.users.Role;
import dev.paperboy.admin.users.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's and the admin API's security as users meet it: tokens, CSRF, the session,
 * throttling, the second factor, the audit log, users and settings.
 */
@PaperboyTest
class ConsoleSecurityTests {

	static final String PASSWORD = "console-security-password-0123";

	static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsoleUsers users;

	BearerClient api;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new BearerClient(this.port);
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		HttpResponse<String> created = this.api.send("POST", "/api/v1/admin/tokens", ApiClient.ADMIN_TOKEN,
				"{\"name\": \"nightly import\", \"role\": \"OPERATOR\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String token = json(created).get("token").asString();
		long id = json(created).get("id").asLong();
		assertThat(token).matches("pb_[A-Za-z0-9_-]{43}");
		assertThat(this.jdbc.sql("select count(*) from api_token where encode(token_hash, 'hex') like '%' || ? || '%'")
			.param(token.substring(3, 20))
			.query(Long.class)
			.single()).as("the token is not stored").isZero();

		assertThat(this.api.send("GET", "/api/v1/admin/sources", token, null).statusCode()).isEqualTo(200);
		assertThat(this.api.send("GET", "/api/v1/admin/users", token, null).statusCode()).as("an OPERATOR token")
			.isEqualTo(403);
		JsonNode listed = json(this.api.send("GET", "/api/v1/admin/tokens", ApiClient.ADMIN_TOKEN, null)).get("tokens")
			.get(0);
		assertThat(listed.get("prefix").asString()).isEqualTo(token.substring(0, 9));
		assertThat(listed.has("token")).isFalse();
		assertThat(listed.get("lastUsedAt").isNull()).isFalse();

		assertThat(this.api.send("DELETE", "/api/v1/admin/tokens/" + id, ApiClient.ADMIN_TOKEN, null).statusCode())
			.isEqualTo(200);
		assertThat(this.api.send("GET", "/api/v1/admin/sources", token, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokensRoleIsAtMostItsCreatorsAndItsOwnersNow() {
		String name = user(Role.OPERATOR);
		String viewerToken = createToken(name, Role.OPERATOR, Role.VIEWER);
		assertThat(this.api.send("POST", "/api/v1/admin/digests/run", viewerToken, null).statusCode()).isEqualTo(403);
		// an ADMIN token whose owner is an OPERATOR acts as an OPERATOR
		String adminToken = this.context.getBean(dev.paperboy.admin.users.ApiTokenService.class)
			.create(null, Role.ADMIN, "made by the bootstrap token", Role.ADMIN)
			.token();
		assertThat(this.api.send("GET", "/api/v1/admin/users", adminToken, null).statusCode()).isEqualTo(200);
		assertThat(this.api.send("POST", "/api/v1/admin/tokens", viewerToken, "{\"name\": \"x\", \"role\": \"ADMIN\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aConsolePostWithoutCsrfTokenIsRefused() {
		ConsoleClient admin = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		admin.get("/admin/users");
		String name = "csrf-" + NAMES.incrementAndGet();
		HttpResponse<String> refused = admin.postWithout("/admin/users",
				Map.of("username", name, "role", "VIEWER", "password", PASSWORD));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.users.findByUsername(name)).isEmpty();
		HttpResponse<String> done = admin.post("/admin/users",
				Map.of("username", name, "role", "VIEWER", "password", PASSWORD));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(this.users.findByUsername(name)).isPresent();
	}

	@Test
	void theSessionIdChangesAtSignInAndItsCookieIsHttpOnlyAndSameSite() {
		ConsoleClient client = new ConsoleClient(this.port);
		HttpResponse<String> form = client.get("/admin/login");
		String before = sessionCookie(form);
		assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		HttpResponse<String> signedIn = client.post("/admin/login",
				Map.of("username", ConsoleClient.ADMIN, "password", ConsoleClient.ADMIN_PASSWORD));
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin");
		String after = sessionCookie(signedIn);
		assertThat(id(after)).isNotEqualTo(id(before));
		assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(form.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void signInIsThrottledPerAccountWithTheSameAnswerAsAWrongPassword() {
		String name = user(Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			assertThat(location(new ConsoleClient(this.port).login(name, "wrong-password-" + i)))
				.isEqualTo("/admin/login?error");
		}
		assertThat(location(new ConsoleClient(this.port).login(name, PASSWORD))).as("the right password, throttled")
			.isEqualTo("/admin/login?error");
		assertThat(location(new ConsoleClient(this.port).login("nobody-" + name, "wrong-password")))
			.as("a name that does not exist")
			.isEqualTo("/admin/login?error");
		assertThat(this.jdbc.sql("select outcome from audit_event where actor = ? order by id")
			.param(name)
			.query(String.class)
			.list()).containsExactly("failed", "failed", "failed", "failed", "failed", "throttled");
	}

	@Test
	void aUserWithASecondFactorSignsInOnlyWithAFreshCode() {
		String name = user(Role.VIEWER);
		ConsoleClient client = signedIn(name, PASSWORD);
		HttpResponse<String> account = client.get("/admin/account");
		Matcher secret = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>").matcher(account.body());
		assertThat(secret.find()).isTrue();
		String key = secret.group(1).replace(" ", "");
		assertThat(account.body()).contains("otpauth://totp/Paperboy:" + name + "?secret=" + key);
		assertThat(client.post("/admin/account/second-factor", Map.of("code", "12345x")).statusCode()).isEqualTo(302);
		assertThat(this.users.findByUsername(name).orElseThrow().hasSecondFactor()).as("a wrong code").isFalse();
		client.get("/admin/account");
		client.post("/admin/account/second-factor", Map.of("code", Totp.code(key, Instant.now())));
		assertThat(this.users.findByUsername(name).orElseThrow().hasSecondFactor()).isTrue();

		assertThat(location(new ConsoleClient(this.port).login(name, PASSWORD))).as("no code")
			.isEqualTo("/admin/login?error");
		String next = Totp.code(key, Instant.now().plus(Duration.ofSeconds(30)));
		String wrong = String.format("%06d", (Integer.parseInt(next) + 500_000) % 1_000_000);
		assertThat(location(login(name, PASSWORD, wrong))).as("a wrong code").isEqualTo("/admin/login?error");
		assertThat(location(login(name, PASSWORD, next))).as("the next step's code").isEqualTo("/admin");
		assertThat(location(login(name, PASSWORD, next))).as("the same code again").isEqualTo("/admin/login?error");
	}

	@Test
	void whenRequiredAUserWithoutSecondFactorIsSentToTheirAccount() {
		assertThat(
				this.api.send("PUT", "/api/v1/admin/settings", ApiClient.ADMIN_TOKEN, "{\"requireSecondFactor\": true}")
					.statusCode())
			.isEqualTo(200);
		ConsoleClient client = signedIn(user(Role.OPERATOR), PASSWORD);
		assertThat(location(client.get("/admin"))).isEqualTo("/admin/account?second-factor-required");
		assertThat(location(client.get("/admin/subscribers"))).isEqualTo("/admin/account?second-factor-required");
		HttpResponse<String> account = client.get("/admin/account?second-factor-required");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("The console requires a second factor");
		this.api.send("PUT", "/api/v1/admin/settings", ApiClient.ADMIN_TOKEN, "{\"requireSecondFactor\": false}");
		assertThat(client.get("/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void aDisabledUserIsSignedOutAndARoleChangeAppliesAtOnce() {
		String name = user(Role.VIEWER);
		ConsoleClient client = signedIn(name, PASSWORD);
		long id = this.users.findByUsername(name).orElseThrow().getId();
		assertThat(client.get("/admin/users").statusCode()).isEqualTo(403);
		this.api.send("PATCH", "/api/v1/admin/users/" + id, ApiClient.ADMIN_TOKEN, "{\"role\": \"ADMIN\"}");
		assertThat(client.get("/admin/users").statusCode()).isEqualTo(200);
		this.api.send("PATCH", "/api/v1/admin/users/" + id, ApiClient.ADMIN_TOKEN, "{\"enabled\": false}");
		assertThat(location(client.get("/admin/users"))).isEqualTo("/admin/login");
		assertThat(location(client.get("/admin"))).endsWith("/admin/login");
	}

	@Test
	void aPasswordChangeSignsOutEveryOtherSessionOfTheUser() {
		String name = user(Role.OPERATOR);
		ConsoleClient changing = signedIn(name, PASSWORD);
		ConsoleClient elsewhere = signedIn(name, PASSWORD);
		changing.get("/admin/account");
		String changed = "a-new-password-0123";
		assertThat(location(changing.post("/admin/account/password",
				Map.of("current", PASSWORD, "password", changed, "confirm", changed))))
			.endsWith("/admin/account");
		assertThat(changing.get("/admin/account").body()).contains("Your other sessions are signed out");
		assertThat(changing.get("/admin/subscribers").statusCode()).as("the session that changed it").isEqualTo(200);
		assertThat(location(elsewhere.get("/admin/subscribers"))).endsWith("/admin/login");

		// an admin's reset signs out every session of the user, on every instance (the
		// stamp is read from the database on each request)
		ConsoleClient admin = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		admin.get("/admin/users");
		long id = this.users.findByUsername(name).orElseThrow().getId();
		admin.post("/admin/users/" + id + "/password", Map.of("password", "reset-by-the-admin-0123"));
		assertThat(location(changing.get("/admin/subscribers"))).endsWith("/admin/login");
		assertThat(location(signedIn(name, "reset-by-the-admin-0123").get("/admin"))).startsWith("(status 200");
	}

	@Test
	void thereIsAlwaysAnEnabledAdmin() {
		for (var user : this.users.findAll()) {
			if (user.getRole() == Role.ADMIN && !user.getUsername().equals(ConsoleClient.ADMIN)) {
				user.setRole(Role.VIEWER);
				this.users.save(user);
			}
		}
		long admin = this.users.findByUsername(ConsoleClient.ADMIN).orElseThrow().getId();
		for (String change : List.of("{\"role\": \"OPERATOR\"}", "{\"enabled\": false}")) {
			HttpResponse<String> refused = this.api.send("PATCH", "/api/v1/admin/users/" + admin, ApiClient.ADMIN_TOKEN,
					change);
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(this.api.send("DELETE", "/api/v1/admin/users/" + admin, ApiClient.ADMIN_TOKEN, null).statusCode())
			.isEqualTo(409);
		ConsoleClient console = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		console.get("/admin/users");
		console.post("/admin/users/" + admin + "/role", Map.of("role", "VIEWER"));
		assertThat(console.get("/admin/users").body()).contains("You are the last enabled admin");
		assertThat(this.users.findById(admin).orElseThrow().getRole()).isEqualTo(Role.ADMIN);

		HttpResponse<String> created = this.api.send("POST", "/api/v1/admin/users", ApiClient.ADMIN_TOKEN,
				"{\"username\": \"second-admin-" + NAMES.incrementAndGet() + "\", \"role\": \"ADMIN\", \"password\": \""
						+ PASSWORD + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		long second = json(created).get("id").asLong();
		assertThat(this.api.send("PATCH", "/api/v1/admin/users/" + admin, ApiClient.ADMIN_TOKEN, "{\"enabled\": false}")
			.statusCode()).isEqualTo(200);
		this.api.send("PATCH", "/api/v1/admin/users/" + admin, ApiClient.ADMIN_TOKEN, "{\"enabled\": true}");
		assertThat(this.api.send("DELETE", "/api/v1/admin/users/" + second, ApiClient.ADMIN_TOKEN, null).statusCode())
			.isEqualTo(204);
	}

	@Test
	void actionsAndSignInsAreInTheAuditLog() {
		new ConsoleClient(this.port).login(ConsoleClient.ADMIN, "not-the-password");
		ConsoleClient admin = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		admin.get("/admin/tokens");
		admin.post("/admin/tokens", Map.of("name", "audited", "role", "VIEWER"));
		long id = this.jdbc.sql("select id from api_token where name = 'audited'").query(Long.class).single();
		admin.post("/admin/tokens/" + id + "/revoke", Map.of());
		admin.post("/admin/logout", Map.of());

		List<String> rows = this.jdbc
			.sql("select actor || ' ' || action || ' ' || coalesce(target, '-') || ' ' || outcome || ' '"
					+ " || remote_address from audit_event order by id")
			.query(String.class)
			.list();
		assertThat(rows).containsExactly("admin sign-in - failed 127.0.0.1", "admin sign-in - success 127.0.0.1",
				"admin POST /admin/tokens - 302 127.0.0.1",
				"admin POST /admin/tokens/" + id + "/revoke id=" + id + " 302 127.0.0.1",
				"admin sign-out - success 127.0.0.1");

		ConsoleClient again = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		String page = again.get("/admin/audit?action=revoke").body();
		assertThat(page).contains("<code>POST /admin/tokens/" + id + "/revoke</code>")
			.doesNotContain("<code>sign-out</code>");
		JsonNode events = json(
				this.api.send("GET", "/api/v1/admin/audit?actor=admin&action=sign-", ApiClient.ADMIN_TOKEN, null))
			.get("events");
		assertThat(events).hasSize(4);
		assertThat(events.get(0).get("action").asString()).isEqualTo("sign-in");
	}

	@Test
	void savedViewsAreEachUsersOwn() {
		String name = user(Role.VIEWER);
		ConsoleClient viewer = signedIn(name, PASSWORD);
		viewer.get("/admin/account");
		HttpResponse<String> saved = viewer.post("/admin/views",
				Map.of("page", "subscribers", "name", "Paused <b>", "query", "state=PAUSED&q=ada"));
		assertThat(location(saved)).isEqualTo("/admin/subscribers?state=PAUSED&q=ada");
		assertThat(viewer.get("/admin/views?page=subscribers").body())
			.contains("href=\"/admin/subscribers?state=PAUSED&amp;q=ada\"", "Paused &lt;b&gt;");
		assertThat(
				signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD).get("/admin/views?page=subscribers").body())
			.contains("No saved views");
		String page = viewer.get("/admin/subscribers?q=ada&state=PAUSED").body();
		assertThat(page).as("the page loads its saved views and offers to save its search")
			.contains("hx-get=\"/admin/views?page=subscribers\"",
					"name=\"query\" value=\"q=ada&amp;in=address&amp;state=PAUSED&amp;sort=created\"");
		viewer.get("/admin/account");
		viewer.post("/admin/views", Map.of("page", "subscribers", "name", "evil", "query", "x=\"><script>"));
		assertThat(viewer.get("/admin/views?page=subscribers").body()).doesNotContain("evil");
	}

	@Test
	void actuatorEndpointsOtherThanHealthAreForAdminTokens() {
		assertThat(this.api.send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
		assertThat(this.api.send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(401);
		String viewer = createToken(user(Role.VIEWER), Role.VIEWER, Role.VIEWER);
		assertThat(this.api.send("GET", "/actuator/info", viewer, null).statusCode()).isEqualTo(403);
		assertThat(this.api.send("GET", "/actuator/info", ApiClient.ADMIN_TOKEN, null).statusCode()).isEqualTo(200);
	}

	@Test
	void theAdminPagesShowUsersTokensAuditAndSettings() {
		ConsoleClient admin = signedIn(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		for (String path : List.of("/admin/users", "/admin/tokens", "/admin/audit", "/admin/settings",
				"/admin/account")) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("<h1>");
		}
		admin.get("/admin/settings");
		admin.post("/admin/settings", Map.of("requireSecondFactor", "true"));
		assertThat(json(this.api.send("GET", "/api/v1/admin/settings", ApiClient.ADMIN_TOKEN, null))
			.get("requireSecondFactor")
			.asBoolean()).isTrue();
	}

	private String user(Role role) {
		String name = role.name().toLowerCase() + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100000;
		ConsoleClient.user(this.context, name, role, PASSWORD);
		return name;
	}

	private String createToken(String owner, Role ownerRole, Role role) {
		return this.context.getBean(dev.paperboy.admin.users.ApiTokenService.class)
			.create(owner, ownerRole, "test", role)
			.token();
	}

	private ConsoleClient signedIn(String name, String password) {
		ConsoleClient client = new ConsoleClient(this.port);
		assertThat(location(client.login(name, password))).isEqualTo("/admin");
		return client;
	}

	private HttpResponse<String> login(String name, String password, String code) {
		ConsoleClient client = new ConsoleClient(this.port);
		client.get("/admin/login");
		return client.post("/admin/login", Map.of("username", name, "password", password, "code", code));
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	private static String id(String cookie) {
		return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

}
