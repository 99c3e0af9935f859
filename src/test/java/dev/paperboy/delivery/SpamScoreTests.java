package dev.paperboy.delivery;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.digest.DigestService;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a spam filter makes of our mail: a digest and a confirmation, sent through the
 * real pipeline to the test SMTP server, scored as received (raw MIME) by Debian's
 * SpamAssassin with its local rules only ({@code spamassassin -L -t}). The messages and
 * reports are left in {@code target/spamassassin/}.
 */
@PaperboyTest
@Import(EmptyOutboxFirst.class)
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=1")
@DirtiesContext
class SpamScoreTests {

	private static final double MOST = 0.5;

	private static final Path REPORTS = Path.of("target", "spamassassin");

	@LocalServerPort
	int port;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	DigestService digests;

	@Autowired
	PaperCatalog catalog;

	@BeforeAll
	static void spamAssassinIsInstalled() {
		assertThat(Files.isExecutable(Path.of("/usr/bin/spamassassin")))
			.as("SpamAssassin is not installed at /usr/bin/spamassassin: the deliverability tests need it. "
					+ "Install Debian's package: apt-get install spamassassin (.ci/run does this before the build)")
			.isTrue();
	}

	@Test
	void aDigestScoresAtMostHalfAPoint() throws Exception {
		this.catalog.save(List.of(
				paper("2612.00001", "Spiking neural networks on neuromorphic chips",
						"We train spiking neural networks with surrogate gradients on neuromorphic hardware.", 152),
				paper("2612.00002", "Memory-augmented language models that forget on purpose",
						"A language model that learns which memories to drop, and when.", 87)));
		String address = "digest-reader@example.org";
		long id = this.subscriptions.importActive(
				EmailAddress.parse(address).orElseThrow(), new Profile("", "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));

		assertThat(this.digests.sendNow(id)).isPresent();

		MimeMessage digest = awaitMessageTo(address);
		assertThat(digest.getSubject()).contains("papers for");
		assertThat(score("digest", digest)).isLessThanOrEqualTo(MOST);
	}

	@Test
	void aConfirmationScoresAtMostHalfAPoint() throws Exception {
		String address = "new-reader@example.org";
		HttpResponse<String> signUp = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/subscribe"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("email=new-reader%40example.org&interests=Graph+neural"
						+ "+networks&cadence=DAILY&deliveryHour=7&timeZone=UTC&papersPerDigest=10&website="))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signUp.statusCode()).isEqualTo(200);

		MimeMessage confirmation = awaitMessageTo(address);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Paperboy");
		assertThat(score("confirmation", confirmation)).isLessThanOrEqualTo(MOST);
	}

	// The score SpamAssassin gives the message as received; the message and the report
	// are kept to look at when it is too high.
	private static double score(String name, MimeMessage message) throws Exception {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		Files.createDirectories(REPORTS);
		Path eml = REPORTS.resolve(name + ".eml");
		Files.write(eml, raw.toByteArray());
		Process process = new ProcessBuilder("spamassassin", "-L", "-t").redirectInput(eml.toFile())
			.redirectErrorStream(true)
			.start();
		String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		Files.writeString(REPORTS.resolve(name + ".report.txt"), report);
		Matcher status = Pattern.compile("X-Spam-Status: \\w+, score=(-?[0-9.]+)").matcher(report);
		assertThat(status.find()).as("a score in SpamAssassin's report:%n%s", report).isTrue();
		double score = Double.parseDouble(status.group(1));
		assertThat(score).as("the %s's score; SpamAssassin's report (%s):%n%s", name, eml, tests(report))
			.isLessThanOrEqualTo(MOST);
		return score;
	}

	// The report's table of rules that hit, after the message.
	private static String tests(String report) {
		int table = report.indexOf("Content analysis details:");
		return (table >= 0) ? report.substring(table) : report;
	}

	private static MimeMessage awaitMessageTo(String address) {
		await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(address).size() == 1);
		return messagesTo(address).get(0);
	}

	private static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return address.equals(message.getAllRecipients()[0].toString());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static PaperRecord paper(String id, String title, String abstractText, int upvotes) {
		return new PaperRecord("huggingface", id, title, abstractText, List.of("Ada Lovelace"), List.of("cs.NE"),
				PaperLinks.forArxiv(id), null, null, upvotes, 0, List.of(), null);
	}

}
