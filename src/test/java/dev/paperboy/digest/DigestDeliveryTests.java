package dev.paperboy.digest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.digest.schedule.DigestCalendar;
import dev.paperboy.digest.sending.Deliveries;
import dev.paperboy.matching.MatcherPreview;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PaperboyTest
@Import(EmptyOutboxFirst.class)
// Outbox workers poll the database every context shares: only the running class's send.
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=2")
@DirtiesContext
class DigestDeliveryTests {

	private static final ClientInfo OPERATOR = new ClientInfo("127.0.0.1", "test");

	@LocalServerPort
	int port;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MatcherPreview preview;

	@Autowired
	DigestComposer composer;

	@Autowired
	Deliveries deliveries;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void papers() {
		DatabaseCleaner.clean(this.jdbc);
		List<PaperRecord> papers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			papers.add(paper("2611.0000" + i, "Spiking neural networks on neuromorphic chips, part " + i,
					"We train spiking neural networks with surrogate gradients on neuromorphic hardware (" + i + ").",
					"Ada Lovelace", 10 + i));
			papers.add(paper("2611.0010" + i, "Scaling laws of large language models, study " + i,
					"How the loss of large language models scales with parameters and tokens (" + i + ").",
					"Grace Hopper", 100 + i));
		}
		papers.add(paper("2611.00200", "<script>alert(1)</script> & medieval contract law",
				"A legal history of Venetian contracts.", "Edsger Dijkstra", 1));
		this.catalog.save(papers);
		this.embedder.embedAll();
	}

	@Test
	void sendsEachDueSubscriberTheirDigestOnceWithTheRightPapersAndHeaders() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String address = "fifty-" + i + "@example.org";
			addresses.add(address);
			String interests = (i % 2 == 0) ? "Spiking neural networks for neuromorphic hardware"
					: "Scaling laws for large language models";
			this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
					profile(interests, ZoneId.of((i % 3 == 0) ? "Asia/Tokyo" : "America/New_York")), List.of(),
					OPERATOR);
		}
		Instant now = Instant.now();
		assertThat(compose(now).queued()).as("nobody is due before their first delivery hour").isZero();

		DigestScheduler.Run run = compose(now.plus(Duration.ofDays(1)));

		assertThat(run.queued()).isEqualTo(50);
		await().atMost(Duration.ofSeconds(30)).until(() -> received(addresses).size() >= 50);
		List<MimeMessage> messages = received(addresses);
		assertThat(messages).hasSize(50);
		for (MimeMessage message : messages) {
			String to = message.getAllRecipients()[0].toString();
			int i = Integer.parseInt(to.substring("fifty-".length(), to.indexOf('@')));
			assertThat(message.getContentType()).startsWith("multipart/");
			Map<String, String> parts = parts(message);
			assertThat(parts).containsKeys("text/plain", "text/html");
			String text = parts.get("text/plain");
			String html = parts.get("text/html");
			if (i % 2 == 0) {
				assertThat(text).contains("Spiking neural networks on neuromorphic chips")
					.doesNotContain("Scaling laws");
			}
			else {
				assertThat(text).contains("Scaling laws of large language models").doesNotContain("Spiking");
			}
			assertThat(html).doesNotContain("<script>alert");
			assertThat(message.getMessageID()).matches("<digest-\\d+\\.[0-9a-f]{12}@paperboy\\.test>");
			assertThat(message.getHeader("List-Id")[0]).contains("<digest.paperboy.test>");
			assertThat(message.getHeader("List-Unsubscribe")[0])
				.matches("<https://papers\\.example\\.org/unsubscribe/[A-Za-z0-9_-]+>");
			assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
			assertThat(message.getFrom()[0].toString()).contains("papers@paperboy.test");
			assertThat(message.getSubject()).contains("papers for").doesNotContain("\n");
			assertThat(html).contains("/feedback/").contains("vote=more").contains("vote=less");
		}
		assertThat(this.jdbc.sql("select count(*) from digest where status = 'SENT'").query(Integer.class).single())
			.isEqualTo(50);
		assertThat(this.jdbc
			.sql("select count(*) from digest_paper p join digest d on d.id = p.digest_id where d.status = 'SENT'")
			.query(Integer.class)
			.single()).as("the papers of each digest are recorded").isGreaterThanOrEqualTo(50 * 6);

		// Running the scheduler again, now or later the same day, sends nothing more.
		assertThat(compose(now.plus(Duration.ofDays(1))).queued()).isZero();
		assertThat(compose(now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30))).queued()).isZero();
		Thread.sleep(500);
		assertThat(received(addresses)).hasSize(50);
	}

	@Test
	void neverSendsAPaperTwiceAndSkipsAPeriodWithNothingNew() {
		long id = this.subscriptions.importActive(EmailAddress.parse("twice@example.org").orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware", ZoneId.of("UTC")), List.of(), OPERATOR);
		Instant now = Instant.now();
		compose(now);
		compose(now.plus(Duration.ofDays(1)));
		assertThat(
				this.preview.select(this.subscriptions.find(id).orElseThrow(), now.plus(Duration.ofDays(1))).papers())
			.as("the preview of the next digest shows no paper that was sent")
			.isEmpty();
		compose(now.plus(Duration.ofDays(2)));

		List<Map<String, Object>> digests = this.jdbc
			.sql("select status, (select count(*) from digest_paper p where p.digest_id = d.id) as papers "
					+ "from digest d where subscriber_id = ? order by due_at")
			.param(id)
			.query()
			.listOfRows();
		assertThat(digests).hasSize(2);
		assertThat(((Number) digests.get(0).get("papers")).intValue()).isGreaterThanOrEqualTo(6);
		assertThat(digests.get(1).get("status")).as("nothing arrived since the first digest").isEqualTo("SKIPPED");
		assertThat(this.jdbc.sql("select count(*) - count(distinct paper_id) from digest_paper where subscriber_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPaperSentMeanwhileByAnotherCompositionIsLeftOutOfTheNewDigest() {
		long id = this.subscriptions.importActive(EmailAddress.parse("race@example.org").orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware", ZoneId.of("UTC")), List.of(), OPERATOR);
		List<Long> papers = this.jdbc.sql("select id from paper order by id limit 2").query(Long.class).list();
		Composed.Pick x = new Composed.Pick(papers.get(0), 0.9, List.of("about x"));
		Composed.Pick y = new Composed.Pick(papers.get(1), 0.8, List.of("about y", "and more"));
		Instant due = Instant.parse("2026-11-20T07:00:00Z");
		this.composer.store(List.of(new Composed(id, "now-1", due, false, List.of(x))));

		// in a transaction, as the scheduler writes them: the outbox is running
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long second = transaction
			.execute((status) -> this.composer.store(List.of(new Composed(id, "2026-11-20", due, false, List.of(x, y))))
				.get(id));
		assertThat(this.deliveries.outgoing(List.of(second)).get(0).papers()).as("x went out already")
			.containsExactly(y);
		long third = transaction
			.execute((status) -> this.composer.store(List.of(new Composed(id, "2026-11-21", due, false, List.of(y))))
				.get(id));
		assertThat(this.deliveries.outgoing(List.of(third)).get(0).papers()).isEmpty();
		assertThat(this.jdbc.sql("select status from digest where id = ?").param(third).query(String.class).single())
			.as("nothing left to send")
			.isEqualTo("SKIPPED");
		assertThat(this.jdbc.sql("select status from digest where id = ?").param(second).query(String.class).single())
			.isIn("QUEUED", "SENDING", "SENT");
	}

	@Test
	void reasonsComeBackAsTheyWereWritten() {
		long id = this.subscriptions.importActive(EmailAddress.parse("reasons@example.org").orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware", ZoneId.of("UTC")), List.of(), OPERATOR);
		List<Long> papers = this.jdbc.sql("select id from paper order by id limit 2").query(Long.class).list();
		List<String> odd = List.of("close to your interest in 'a \"quoted\", {braced} \\ back\\slash'", "NULL", "",
				" spaced ", "naïve — 自然 😀");
		Composed.Pick first = new Composed.Pick(papers.get(0), 0.25, odd);
		Composed.Pick second = new Composed.Pick(papers.get(1), 0.125, List.of());
		long digest = this.composer
			.store(List.of(new Composed(id, "2026-11-20", Instant.parse("2026-11-20T07:00:00Z"), false,
					List.of(first, second))))
			.get(id);
		assertThat(this.deliveries.outgoing(List.of(digest)).get(0).papers()).containsExactly(first, second);
	}

	@Test
	void followsEachSubscribersChoiceWhenNothingMatches() {
		// The service's default here is SKIP; a keyword no paper has leaves nothing to
		// match.
		Map<String, Profile.WhenEmpty> choices = new LinkedHashMap<>();
		choices.put("trending@example.org", Profile.WhenEmpty.TRENDING);
		choices.put("skip@example.org", Profile.WhenEmpty.SKIP);
		choices.put("default@example.org", null);
		choices.forEach((address, choice) -> this.subscriptions.importActive(
				EmailAddress.parse(address).orElseThrow(), new Profile("", "quasicrystalline", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 5, 0, choice),
				List.of(), OPERATOR));
		Instant now = Instant.now();
		compose(now);
		compose(now.plus(Duration.ofDays(1)));

		Map<String, Map<String, Object>> digests = new HashMap<>();
		this.jdbc
			.sql("""
					select s.email, d.status, d.trending, (select count(*) from digest_paper p where p.digest_id = d.id) as papers
					from digest d join subscriber s on s.id = d.subscriber_id
					""")
			.query()
			.listOfRows()
			.forEach((row) -> digests.put((String) row.get("email"), row));
		assertThat(digests).containsOnlyKeys(choices.keySet());
		assertThat(digests.get("trending@example.org")).containsEntry("trending", true);
		assertThat(((Number) digests.get("trending@example.org").get("papers")).intValue()).isEqualTo(5);
		assertThat((String) digests.get("trending@example.org").get("status")).isIn("QUEUED", "SENDING", "SENT");
		assertThat(digests.get("skip@example.org")).containsEntry("status", "SKIPPED");
		assertThat(digests.get("default@example.org")).containsEntry("status", "SKIPPED");
	}

	@Test
	void honoursTimeZonesAndWeeklyCadence() {
		// Delivery hour 7: at 23:00 UTC it is already 08:00 the next day in Tokyo and
		// 18:00 the same day in New York.
		Instant evening = Instant.parse("2026-11-23T23:00:00Z");
		Profile tokyo = profile("Scaling laws for large language models", ZoneId.of("Asia/Tokyo"));
		Profile newYork = profile("Scaling laws for large language models", ZoneId.of("America/New_York"));
		assertThat(DigestCalendar.latest(tokyo.delivery(), evening).key()).isEqualTo("2026-11-24");
		assertThat(DigestCalendar.latest(newYork.delivery(), evening).key()).isEqualTo("2026-11-23");
		assertThat(DigestCalendar.next(newYork.delivery(), evening).dueAt())
			.isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));

		Profile weekly = new Profile("x", "", List.of(), List.of(), Profile.Cadence.WEEKLY, DayOfWeek.FRIDAY, 9,
				ZoneId.of("Europe/Berlin"), 10);
		// Monday 23 November 2026: the last Friday was the 20th, the next is the 27th.
		assertThat(DigestCalendar.latest(weekly.delivery(), evening).key()).isEqualTo("2026-11-20");
		assertThat(DigestCalendar.next(weekly.delivery(), evening).dueAt())
			.isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));

		// Daylight saving: New York springs forward at 02:00 on 8 March 2026 and falls
		// back at 02:00 on 1 November 2026. A 02:00 digest comes at 03:00 on the first
		// day and once at 01:00 + 1 h on the second; each day has exactly one period.
		Profile twoAm = new Profile("x", "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 2,
				ZoneId.of("America/New_York"), 10);
		assertThat(DigestCalendar.next(twoAm.delivery(), Instant.parse("2026-03-07T12:00:00Z")).dueAt())
			.isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
		Profile oneAm = new Profile("x", "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 1,
				ZoneId.of("America/New_York"), 10);
		List<String> keys = new ArrayList<>();
		Instant at = Instant.parse("2026-10-30T12:00:00Z");
		for (int day = 0; day < 4; day++) {
			DigestCalendar.Period next = DigestCalendar.next(oneAm.delivery(), at);
			keys.add(next.key());
			at = next.dueAt();
		}
		assertThat(keys).containsExactly("2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03");
	}

	@Test
	void aChangedProfileMovesTheScheduleAndAnUnchangedOneLeavesIt() {
		Instant now = Instant.now();
		int hour = now.plus(Duration.ofHours(3)).atZone(ZoneId.of("UTC")).getHour();
		Profile profile = new Profile("Spiking neural networks", "", List.of(), List.of(), Profile.Cadence.DAILY,
				DayOfWeek.MONDAY, hour, ZoneId.of("UTC"), 10);
		long id = this.subscriptions.importActive(EmailAddress.parse("moves@example.org").orElseThrow(), profile,
				List.of(), OPERATOR);
		compose(now);
		Map<String, Object> first = schedule(id);
		assertThat(first.get("schedule")).isEqualTo(DigestCalendar.fingerprint(profile.delivery()));
		assertThat(((Timestamp) first.get("next_due_at")).toInstant())
			.isEqualTo(DigestCalendar.next(profile.delivery(), now).dueAt());

		this.subscriptions.updateProfile(id, profile);
		compose(now.plus(Duration.ofMinutes(1)));
		assertThat(schedule(id)).as("the same profile saved again").isEqualTo(first);

		Profile later = new Profile("Spiking neural networks", "", List.of(), List.of(), Profile.Cadence.DAILY,
				DayOfWeek.MONDAY, (hour + 2) % 24, ZoneId.of("UTC"), 10);
		this.subscriptions.updateProfile(id, later);
		compose(now.plus(Duration.ofMinutes(2)));
		Map<String, Object> moved = schedule(id);
		assertThat(moved.get("schedule")).isEqualTo(DigestCalendar.fingerprint(later.delivery()));
		assertThat(((Timestamp) moved.get("next_due_at")).toInstant())
			.isEqualTo(DigestCalendar.next(later.delivery(), now.plus(Duration.ofMinutes(2))).dueAt());
	}

	// Digest schedules subscribers from subscription's events, after their transaction.
	private DigestScheduler.Run compose(Instant at) {
		SubscriberEvents.awaitHandled(this.jdbc);
		return this.scheduler.run(at);
	}

	private Map<String, Object> schedule(long subscriberId) {
		return this.jdbc.sql("select schedule, next_due_at from digest_schedule where subscriber_id = ?")
			.param(subscriberId)
			.query()
			.singleRow();
	}

	@Test
	void aWeeklySubscriberIsNotDueOnOtherDays() {
		Instant now = Instant.now();
		DayOfWeek tomorrow = now.plus(Duration.ofDays(1)).atZone(ZoneId.of("UTC")).getDayOfWeek();
		long weekly = this.subscriptions.importActive(
				EmailAddress.parse("weekly@example.org").orElseThrow(), new Profile("Spiking neural networks", "",
						List.of(), List.of(), Profile.Cadence.WEEKLY, tomorrow.plus(3), 7, ZoneId.of("UTC"), 10),
				List.of(), OPERATOR);
		compose(now);

		compose(now.plus(Duration.ofDays(2)));
		assertThat(this.jdbc.sql("select count(*) from digest where subscriber_id = ?")
			.param(weekly)
			.query(Integer.class)
			.single()).isZero();
		compose(now.plus(Duration.ofDays(5)));
		assertThat(this.jdbc.sql("select count(*) from digest where subscriber_id = ?")
			.param(weekly)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theFeedbackLinksInADigestRecordTheVoteAndTheViewAndFeedLinksWork() throws Exception {
		String address = "feedback-links@example.org";
		long id = this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(),
				profile("Spiking neural networks for neuromorphic hardware", ZoneId.of("UTC")), List.of(), OPERATOR);
		Instant now = Instant.now();
		compose(now);
		compose(now.plus(Duration.ofDays(1)));
		await().atMost(Duration.ofSeconds(20)).until(() -> received(List.of(address)).size() == 1);
		String html = parts(received(List.of(address)).get(0)).get("text/html");
		String less = local(link(html, "/feedback/", "vote=less"));
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(less)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.subscriptions.feedback(id)).as("opening the link alone records nothing").isEmpty();
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(less.replace("?vote=less", "")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("vote=less"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("fewer papers like");
		assertThat(this.subscriptions.feedback(id)).extracting(Feedback::more).containsExactly(false);

		HttpResponse<String> view = http.send(
				HttpRequest.newBuilder(URI.create(local(link(html, "/digests/", "")))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(view.body()).contains("Spiking neural networks on neuromorphic chips");
		HttpResponse<String> feed = http.send(
				HttpRequest.newBuilder(URI.create(local(link(html, "/feed/", "")))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/atom+xml"));
		assertThat(feed.body()).contains("<entry>").contains("Spiking neural networks on neuromorphic chips");

		HttpResponse<String> forged = http.send(HttpRequest
			.newBuilder(URI.create(less.replaceAll("/feedback/[A-Za-z0-9_-]{10}", "/feedback/AAAAAAAAAA")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(404);
	}

	private String local(String url) {
		return url.replace("https://papers.example.org", "http://127.0.0.1:" + this.port).replace("&amp;", "&");
	}

	private static String link(String html, String path, String contains) {
		Matcher matcher = Pattern.compile("href=\"(https://papers\\.example\\.org" + Pattern.quote(path) + "[^\"]*)\"")
			.matcher(html);
		while (matcher.find()) {
			if (matcher.group(1).contains(contains)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no " + path + " link with " + contains);
	}

	private static List<MimeMessage> received(List<String> addresses) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return addresses.contains(message.getAllRecipients()[0].toString());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	// Content type (without parameters) to decoded content, for every leaf part.
	private static Map<String, String> parts(Part part) throws Exception {
		Map<String, String> parts = new HashMap<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				parts.putAll(parts(child));
			}
		}
		else {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			part.getDataHandler().writeTo(out);
			parts.put(part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT),
					out.toString(StandardCharsets.UTF_8));
		}
		return parts;
	}

	private static Profile profile(String interests, ZoneId zone) {
		return new Profile(interests, "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, zone, 10);
	}

	private static PaperRecord paper(String id, String title, String abstractText, String author, int upvotes) {
		return new PaperRecord("huggingface", id, title, abstractText, List.of(author), List.of(),
				PaperLinks.forArxiv(id), null, null, upvotes, 0, List.of(), null);
	}

}
