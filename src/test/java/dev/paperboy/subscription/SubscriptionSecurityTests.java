package dev.paperboy.subscription;

import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker could try against sign-up and the signed links.
 */
@PaperboyTest
class SubscriptionSecurityTests {

	static final String FORM = "interests=Graphs&keywords=&authors=&categories=&cadence=DAILY&weekday=MONDAY"
			+ "&deliveryHour=7&timeZone=UTC&papersPerDigest=10&website=";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Tokens tokens;

	Browserless web;

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		TestMailConfiguration.mail().purgeEmailFromAllMailboxes();
		this.web = new Browserless(this.port);
	}

	@Test
	void answersEveryBrokenLinkWithTheSamePageAndStatus() {
		long id = activeSubscriber("ada@example.org");
		long erased = activeSubscriber("bob@example.org");
		String erasedToken = this.tokens.issue(erased, TokenPurpose.UNSUBSCRIBE);
		this.subscriptions.erase(erased);
		String valid = this.tokens.issue(id, TokenPurpose.UNSUBSCRIBE);
		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("tampered", valid.substring(0, 20) + (valid.charAt(20) == 'A' ? 'B' : 'A') + valid.substring(21));
		broken.put("expired",
				this.tokens.issue(id, TokenPurpose.UNSUBSCRIBE, 0, Instant.now().minus(Duration.ofDays(400))));
		broken.put("wrong purpose", this.tokens.issue(id, TokenPurpose.MANAGE));
		broken.put("erased subscriber", erasedToken);
		broken.put("unknown key", TokensTests.tokens(List.of("some-other-signing-key-0123456789abc"), Instant.now())
			.issue(id, TokenPurpose.UNSUBSCRIBE));
		broken.put("garbage", "not-a-token");

		for (String method : List.of("GET", "POST")) {
			List<String> answers = new ArrayList<>();
			for (Map.Entry<String, String> token : broken.entrySet()) {
				HttpResponse<String> response = method.equals("GET") ? this.web.get("/unsubscribe/" + token.getValue())
						: this.web.postForm("/unsubscribe/" + token.getValue(), "List-Unsubscribe=One-Click");
				answers.add(response.statusCode() + " " + response.body());
				assertThat(response.statusCode()).as(token.getKey()).isEqualTo(404);
			}
			assertThat(answers).as("one answer for every failure (%s)", method).containsOnly(answers.get(0));
		}
		List<String> manageAnswers = new ArrayList<>();
		for (String token : broken.values()) {
			HttpResponse<String> response = this.web.get("/manage/" + token);
			manageAnswers.add(response.statusCode() + " " + response.body());
		}
		manageAnswers.removeIf((answer) -> answer.equals(manageAnswers.get(0)));
		assertThat(manageAnswers).as("wrong purpose on /manage is the valid MANAGE token, the rest are equal")
			.hasSizeLessThanOrEqualTo(1);
		assertThat(status(id)).isEqualTo("ACTIVE");
	}

	@Test
	void answersTheSameForANewAPendingAnActiveAndAnUnsubscribedAddress() {
		this.web.postForm("/subscribe", "email=pending%40example.org&" + FORM);
		activeSubscriber("active@example.org");
		long gone = activeSubscriber("gone@example.org");
		this.subscriptions.unsubscribe(gone);
		Map<String, List<Long>> times = new LinkedHashMap<>();
		List<String> answers = new ArrayList<>();
		for (int round = 0; round < 15; round++) {
			for (String address : List.of("new" + round + "@example.org", "pending@example.org", "active@example.org",
					"gone@example.org")) {
				long started = System.nanoTime();
				HttpResponse<String> response = this.web.postForm("/subscribe",
						"email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&" + FORM);
				times.computeIfAbsent(address.startsWith("new") ? "new" : address, (key) -> new ArrayList<>())
					.add(System.nanoTime() - started);
				answers.add(response.statusCode() + " " + response.body() + " "
						+ response.headers().map().keySet().stream().sorted().toList());
			}
		}
		assertThat(answers).containsOnly(answers.get(0));
		List<Long> medians = times.values().stream().map(SubscriptionSecurityTests::median).toList();
		long spread = medians.stream().mapToLong(Long::longValue).max().orElseThrow()
				- medians.stream().mapToLong(Long::longValue).min().orElseThrow();
		assertThat(Duration.ofNanos(spread)).as("medians %s", medians).isLessThan(Duration.ofMillis(30));
	}

	@Test
	void sendsAtMostOneConfirmationForAThousandSignUpsOfOneAddress() throws Exception {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.web.postForm("/subscribe", "email=flood%40example.org&" + FORM).statusCode())
				.isEqualTo(200);
		}
		Browserless.awaitMessagesTo("flood@example.org", 1);
		Thread.sleep(1000);

		assertThat(Browserless.messagesTo("flood@example.org")).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from subscriber").query(Long.class).single()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "email", "interests", "keywords", "authors", "categories", "timeZone", "cadence", "weekday" })
	void refusesALineBreakInAnyFieldAndSendsNothing(String field) throws Exception {
		Map<String, String> form = new LinkedHashMap<>(Map.of("email", "carol@example.org", "interests", "Graphs",
				"keywords", "graphs", "authors", "Ada Lovelace", "categories", "cs.LG", "timeZone", "UTC", "cadence",
				"DAILY", "weekday", "MONDAY"));
		form.put(field, form.get(field) + "\r\nBcc: victim@elsewhere.example");
		StringBuilder body = new StringBuilder("deliveryHour=7&papersPerDigest=10");
		form.forEach((name, value) -> body.append('&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));

		HttpResponse<String> response = this.web.postForm("/subscribe", body.toString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().map().toString()).doesNotContain("victim");
		Thread.sleep(200);
		assertThat(Browserless.messagesTo("carol@example.org")).isEmpty();
		assertThat(Browserless.messagesTo("victim@elsewhere.example")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from subscriber").query(Long.class).single()).isZero();
	}

	@Test
	void refusesALineBreakThroughTheApiToo() {
		HttpResponse<String> response = this.web.postJson("/api/v1/subscriptions",
				"{\"email\": \"dan@example.org\", \"profile\": {\"interests\": \"Graphs\\r\\nBcc: victim@elsewhere.example\"}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("interests");
	}

	@Test
	void changesNothingOnAGetOfTheUnsubscribeLink() {
		long id = activeSubscriber("erin@example.org");
		String unsubscribe = "/unsubscribe/" + this.tokens.issue(id, TokenPurpose.UNSUBSCRIBE);

		for (int i = 0; i < 3; i++) {
			assertThat(this.web.get(unsubscribe).statusCode()).isEqualTo(200);
		}

		assertThat(status(id)).isEqualTo("ACTIVE");
	}

	@Test
	void ignoresTheHoneypotAndTheHostHeader() throws Exception {
		HttpResponse<String> robot = this.web.postForm("/subscribe",
				"email=robot%40example.org&" + FORM.replace("website=", "website=https%3A%2F%2Fspam.example"));
		this.web.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/subscribe"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-Host", "evil.example")
			.POST(HttpRequest.BodyPublishers.ofString("email=frank%40example.org&" + FORM)));

		assertThat(robot.statusCode()).isEqualTo(200);
		assertThat(robot.body()).contains("Check your inbox");
		var mail = Browserless.awaitMessagesTo("frank@example.org", 1);
		Thread.sleep(300);
		assertThat(Browserless.messagesTo("frank@example.org")).hasSize(1);
		assertThat(Browserless.messagesTo("robot@example.org")).isEmpty();
		assertThat(Browserless.link(mail.get(0), "/confirm/")).startsWith("/confirm/");
		assertThat(GreenMailUtil.getBody(mail.get(0))).doesNotContain("evil.example").doesNotContain("127.0.0.1");
	}

	@Test
	void neverMailsAnErasedAddressAgain() throws Exception {
		long id = activeSubscriber("gina@example.org");
		this.subscriptions.erase(id);

		this.web.postForm("/subscribe", "email=gina%40example.org&" + FORM);
		Thread.sleep(500);

		assertThat(Browserless.messagesTo("gina@example.org")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from subscriber").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select address_hash from suppression").query(String.class).single())
			.doesNotContain("gina");
	}

	private long activeSubscriber(String email) {
		Long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, confirmed_at) values (:email, :email, 'ACTIVE', now())
				returning id
				""").param("email", email).query(Long.class).single();
		return id;
	}

	private String status(long id) {
		return this.jdbc.sql("select status from subscriber where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
