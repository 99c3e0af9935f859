package dev.paperboy.subscription;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-request corpus ({@code src/test/resources/hostile/requests.tsv}) against
 * the running service: every request answered with its 4xx (problem+json on the API), no
 * 5xx, nothing stored or changed, nothing injected into headers. Prints a table of
 * categories and outcomes for docs/reliability.md.
 */
@PaperboyTest
class HostileRequestTests {

	private static final Pattern REPEAT = Pattern.compile("\\{\\{x:(\\d+)}}");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tokens tokens;

	@Autowired
	SubscriptionService subscriptions;

	@Test
	void refusesEveryHostileRequestClearlyAndStoresNothing() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		Browserless web = new Browserless(this.port);
		long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, confirmed_at, interests)
				values ('ada@example.org', 'ada@example.org', 'ACTIVE', now(), 'Graph neural networks')
				returning id""").query(Long.class).single();
		Map<String, String> placeholders = placeholders(id);
		String manage = "/api/v1/subscriptions/" + placeholders.get("{{manage}}");
		String before = web.get(manage).body();

		Map<String, List<String>> outcomes = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (String line : corpus()) {
			String[] fields = line.split("\t", -1);
			String category = fields[0];
			String path = fill(fields[2], placeholders);
			HttpRequest.Builder request = HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + this.port + new String(decode(path), StandardCharsets.UTF_8)));
			if (!fields[3].equals("-")) {
				request.header("Content-Type", fields[3]);
			}
			byte[] body = fields[4].equals("-") ? new byte[0] : decode(fill(fields[4], placeholders));
			request.method(fields[1], fields[1].equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			HttpResponse<String> response = web.send(request);
			int expected = Integer.parseInt(fields[5]);
			String what = fields[1] + " " + fields[2].substring(0, Math.min(60, fields[2].length())) + " "
					+ fields[4].substring(0, Math.min(80, fields[4].length()));
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (response.statusCode() != expected) {
				failures.add(what + ": " + response.statusCode() + " instead of " + expected + " " + response.body());
			}
			else if (expected >= 400 && fields[2].startsWith("/api/") && !type.startsWith("application/problem+json")) {
				failures.add(what + ": " + type + " instead of problem+json");
			}
			if (response.headers()
				.map()
				.keySet()
				.stream()
				.anyMatch((name) -> name.equalsIgnoreCase("bcc") || name.equalsIgnoreCase("x"))) {
				failures.add(what + ": a header was injected " + response.headers().map());
			}
			outcomes.computeIfAbsent(category, (key) -> new ArrayList<>()).add(response.statusCode() + "");
		}
		Thread.sleep(1000);

		System.out.println("| category | requests | outcome |");
		System.out.println("| --- | ---: | --- |");
		outcomes.forEach((category, statuses) -> System.out.println("| " + category + " | " + statuses.size() + " | "
				+ statuses.stream().distinct().sorted().toList() + " |"));
		assertThat(failures).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from subscriber").query(Long.class).single()).as("nothing stored")
			.isEqualTo(2);
		assertThat(web.get(manage).body()).as("nothing changed").isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from consent").query(Long.class).single()).isZero();
	}

	private Map<String, String> placeholders(long id) {
		long pending = this.jdbc
			.sql("""
					insert into subscriber (email, email_key, status) values ('bob@example.org', 'bob@example.org', 'ACTIVE')
					returning id""")
			.query(Long.class)
			.single();
		Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
		String used = ConfirmationTokens.of(this.tokens, pending, issuedAt);
		this.jdbc.sql("update subscriber set confirmation_issued_at = null where id = :id")
			.param("id", pending)
			.update();
		String valid = this.tokens.issue(id, TokenPurpose.MANAGE);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("{{manage}}", valid);
		values.put("{{unsubscribe}}", this.tokens.issue(id, TokenPurpose.UNSUBSCRIBE));
		values.put("{{expired}}",
				this.tokens.issue(id, TokenPurpose.MANAGE, 0, Instant.now().minus(Duration.ofDays(400))));
		values.put("{{forged}}", valid.substring(0, 20) + (valid.charAt(20) == 'A' ? 'B' : 'A') + valid.substring(21));
		values.put("{{used-confirm}}", used);
		values.put("{{other-key}}", TokensTests.tokens(List.of("some-other-signing-key-0123456789abc"), Instant.now())
			.issue(id, TokenPurpose.MANAGE));
		return values;
	}

	private static List<String> corpus() throws IOException {
		try (InputStream in = HostileRequestTests.class.getResourceAsStream("/hostile/requests.tsv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
	}

	private static String fill(String text, Map<String, String> placeholders) {
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			text = text.replace(placeholder.getKey(), placeholder.getValue());
		}
		Matcher repeat = REPEAT.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (repeat.find()) {
			repeat.appendReplacement(filled, "x".repeat(Integer.parseInt(repeat.group(1))));
		}
		return repeat.appendTail(filled).toString();
	}

	// \r \n \t \0 \\ \\uXXXX as characters, \\xNN as a raw byte (invalid UTF-8 on
	// purpose)
	private static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				continue;
			}
			char next = text.charAt(++i);
			switch (next) {
				case 'r' -> out.write('\r');
				case 'n' -> out.write('\n');
				case 't' -> out.write('\t');
				case '0' -> out.write(0);
				case '\\' -> out.write('\\');
				case 'x' -> {
					out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
					i += 2;
				}
				case 'u' -> {
					out.writeBytes(String.valueOf((char) Integer.parseInt(text.substring(i + 1, i + 5), 16))
						.getBytes(StandardCharsets.UTF_8));
					i += 4;
				}
				default -> out.writeBytes(("\\" + next).getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toByteArray();
	}

}
