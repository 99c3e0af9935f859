package dev.paperboy.subscription;

import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a subscription over real HTTP, a real SMTP server and PostgreSQL.
 */
@PaperboyTest
class SubscriptionFlowTests {

	static final String ADA = "ada@lab.example.org";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browserless web;

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		TestMailConfiguration.mail().purgeEmailFromAllMailboxes();
		this.web = new Browserless(this.port);
	}

	@Test
	void subscribeConfirmManageAndUnsubscribeWithOneClick() throws Exception {
		HttpResponse<String> signUp = this.web.postForm("/subscribe",
				"email=ada%40lab.example.org&interests=Memory+in+language+models&keywords=memory&cadence=WEEKLY"
						+ "&weekday=FRIDAY&deliveryHour=8&timeZone=Europe%2FParis&papersPerDigest=5&website=");
		assertThat(signUp.statusCode()).isEqualTo(200);
		assertThat(signUp.body()).contains("Check your inbox");

		List<MimeMessage> mail = Browserless.awaitMessagesTo(ADA, 1);
		Thread.sleep(300);
		assertThat(Browserless.messagesTo(ADA)).hasSize(1);
		MimeMessage confirmation = mail.get(0);
		assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("ada@lab.example.org");
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Paperboy");
		assertThat(confirmation.getContentType()).startsWith("multipart/alternative");
		assertThat(status()).isEqualTo("PENDING");
		assertThat(confirmation.getHeader("List-Unsubscribe")[0])
			.matches("<" + Browserless.PUBLIC_URL + "/unsubscribe/[A-Za-z0-9_-]+>");
		assertThat(confirmation.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(GreenMailUtil.getBody(confirmation)).as("the confirmation echoes nothing the submitter typed")
			.doesNotContain("Memory in language models");
		assertThat(part(confirmation, "text/html")).contains("<title>Confirm your subscription</title>")
			.contains(">Confirm my subscription</a>")
			.contains(">Unsubscribe</a>");
		assertThat(part(confirmation, "text/plain")).startsWith("Confirm your subscription")
			.contains("Confirm: " + Browserless.PUBLIC_URL + "/confirm/");

		String confirm = Browserless.link(confirmation, "/confirm/");
		assertThat(this.web.get(confirm).body()).contains("Confirm my subscription");
		assertThat(status()).as("GET confirms nothing").isEqualTo("PENDING");
		HttpResponse<String> confirmed = this.web.postForm(confirm, "");
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(status()).isEqualTo("ACTIVE");
		assertThat(this.web.postForm(confirm, "").statusCode()).as("the link is single use").isEqualTo(404);

		String manage = manageLink(confirmed.body());
		HttpResponse<String> preferences = this.web.get(manage);
		assertThat(preferences.body()).contains("ada@lab.example.org").contains("Memory in language models");
		HttpResponse<String> saved = this.web.postForm(manage,
				"interests=Spiking+neural+networks&keywords=%22spiking+neural%22+-survey&authors=Ada+Lovelace%2C+Alan+Turing"
						+ "&categories=cs.NE&cadence=DAILY&weekday=MONDAY&deliveryHour=6&timeZone=UTC&papersPerDigest=12");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("Saved");
		assertThat(this.jdbc
			.sql("select interests || '|' || keywords || '|' || array_to_string(authors, ';') || '|'"
					+ " || cadence || '|' || papers_per_digest from subscriber")
			.query(String.class)
			.single())
			.isEqualTo("Spiking neural networks|\"spiking neural\" -survey|Ada Lovelace;Alan Turing|DAILY|12");

		String unsubscribe = unsubscribeLink(saved.body());
		assertThat(this.web.get(unsubscribe).body()).contains("Unsubscribe");
		assertThat(status()).as("GET unsubscribes nobody").isEqualTo("ACTIVE");
		HttpResponse<String> oneClick = this.web.postMultipart(unsubscribe, "List-Unsubscribe", "One-Click");
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(oneClick.headers().firstValue("Location")).isEmpty();
		assertThat(oneClick.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(status()).isEqualTo("UNSUBSCRIBED");
		HttpResponse<String> again = this.web.postForm(unsubscribe, "List-Unsubscribe=One-Click");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(status()).isEqualTo("UNSUBSCRIBED");

		assertThat(this.web.postForm(unsubscribe + "/resubscribe", "").body()).contains("Welcome back");
		assertThat(status()).isEqualTo("ACTIVE");
		assertThat(
				this.jdbc.sql("select string_agg(action, ',' order by id) from consent").query(String.class).single())
			.isEqualTo("SIGN_UP,CONFIRM,RESUBSCRIBE");
		assertThat(Browserless.messagesTo(ADA)).as("nothing but the confirmation").hasSize(1);
	}

	@Test
	void documentsTheApiWithOpenApi() {
		HttpResponse<String> docs = this.web.get("/v3/api-docs");
		HttpResponse<String> ui = this.web.get("/swagger-ui/index.html");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/subscriptions").contains("/api/v1/subscriptions/{token}/unsubscribe");
		assertThat(ui.statusCode()).isEqualTo(200);
	}

	// The body part of the given type, decoded.
	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private String status() {
		return this.jdbc.sql("select status from subscriber").query(String.class).single();
	}

	private static String manageLink(String page) {
		return pathOf(page, "/manage/");
	}

	private static String unsubscribeLink(String page) {
		return pathOf(page, "/unsubscribe/");
	}

	private static String pathOf(String page, String prefix) {
		Matcher matcher = Pattern.compile(Pattern.quote(Browserless.PUBLIC_URL + prefix) + "[A-Za-z0-9_-]+")
			.matcher(page);
		assertThat(matcher.find()).as(prefix + " link on the page").isTrue();
		return matcher.group().substring(Browserless.PUBLIC_URL.length());
	}

}
