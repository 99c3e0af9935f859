package dev.paperboy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.paperboy.admin.users.ConsoleUser;
import dev.paperboy.admin.users.ConsoleUsers;
import dev.paperboy.admin.users.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A console user's browser without the browser: a cookie jar, the form sign-in, and the
 * CSRF token each change needs, taken from the last console page as a browser takes it.
 * Never throws on an error status, so tests can assert on it.
 */
public final class ConsoleClient {

	/**
	 * The first admin of the test configuration ({@code application-test.properties}).
	 */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-password-0123";

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf = "";

	public ConsoleClient(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Creates a console user (or gives an existing one this role and password).
	 * @param context the test's application context
	 * @param username the name
	 * @param role the role
	 * @param password the password
	 */
	public static void user(ApplicationContext context, String username, Role role, String password) {
		ConsoleUsers users = context.getBean(ConsoleUsers.class);
		String hash = context.getBean(PasswordEncoder.class).encode(password);
		ConsoleUser user = users.findByUsername(username).orElseGet(() -> new ConsoleUser(username, hash, role));
		user.setPasswordHash(hash);
		user.setRole(role);
		users.save(user);
	}

	/**
	 * Signs in through the form.
	 * @param username the user
	 * @param password the password
	 * @return this client, signed in when the answer was a redirect away from the form
	 */
	public HttpResponse<String> login(String username, String password) {
		get("/admin/login");
		return post("/admin/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		remember(response.body());
		return response;
	}

	/**
	 * Posts a form with the CSRF token of the last page read.
	 * @param path the path
	 * @param form the fields
	 * @return the answer
	 */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.putIfAbsent("_csrf", this.csrf);
		return postWithout(path, fields);
	}

	/**
	 * Posts a form exactly as given: no CSRF token unless it is one of the fields.
	 * @param path the path
	 * @param form the fields
	 * @return the answer
	 */
	public HttpResponse<String> postWithout(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		remember(response.body());
		return response;
	}

	/**
	 * @param method any HTTP method
	 * @param path the path
	 * @return the answer, sent with the CSRF token in its header
	 */
	public HttpResponse<String> send(String method, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("X-CSRF-TOKEN", this.csrf)
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * @return the CSRF token of the last page read
	 */
	public String csrf() {
		return this.csrf;
	}

	private void remember(String body) {
		if (body == null) {
			return;
		}
		Matcher matcher = CSRF_META.matcher(body);
		if (matcher.find()) {
			this.csrf = matcher.group(1);
			return;
		}
		matcher = CSRF_INPUT.matcher(body);
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
