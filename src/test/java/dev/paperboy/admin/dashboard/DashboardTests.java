package dev.paperboy.admin.dashboard;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.EmptyOutboxFirst;
import dev.paperboy.PaperboyTest;
import dev.paperboy.ScriptedSmtpConfiguration;
import dev.paperboy.delivery.BounceStatistics;
import dev.paperboy.delivery.bounce.Bounces;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.subscription.SubscriberStatistics;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

/**
 * The dashboard's figures for data made through the real flows: sign-ups, imports,
 * digests composed and sent to a scripted SMTP server (one mailbox rejected), a
 * complaint, an unsubscribe, a pause and feedback; the rollups run twice; the page and
 * the admin API agree.
 */
@PaperboyTest
@Import({ ScriptedSmtpConfiguration.class, EmptyOutboxFirst.class, DashboardScenario.class })
@TestPropertySource(properties = "paperboy.delivery.outbox.workers=2")
@DirtiesContext
class DashboardTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardScenario scenario;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Bounces bounces;

	@Autowired
	SubscriberStatistics subscriberStatistics;

	@Autowired
	DigestStatistics digestStatistics;

	@Autowired
	BounceStatistics bounceStatistics;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void happenings() {
		List<Long> readers = this.scenario.play(2);
		this.subscriptions.giveFeedback(readers.get(2), "2601.00003", true);
		this.subscriptions.undoFeedback(readers.get(2), "2601.00003");
		rollUp();
	}

	@Test
	void figuresAreWhatHappened() {
		DashboardFigures figures = figures(7);
		assertThat(figures.subscribersByState()).containsEntry("ACTIVE", 11L)
			.containsEntry("PAUSED", 1L)
			.containsEntry("UNSUBSCRIBED", 1L)
			.containsEntry("PENDING", 1L);
		DashboardFigures.Day today = figures.daily().get(6);
		DashboardFigures.Day yesterday = figures.daily().get(5);
		assertThat(today.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
		assertThat(yesterday.newSubscribers()).isEqualTo(5);
		assertThat(today.newSubscribers()).isEqualTo(8);
		assertThat(today.lostSubscribers()).isEqualTo(1);
		assertThat(today.subscribedAtStart()).as("the five of yesterday").isEqualTo(5);
		assertThat(today.unsubscribeRate()).isEqualTo(1 / 5.0);
		assertThat(today.digestsSent()).isEqualTo(11);
		assertThat(today.digestsFailed()).isEqualTo(1);
		assertThat(today.digestsSkipped()).isEqualTo(1);
		assertThat(today.bounces()).as("the rejected mailbox").isEqualTo(1);
		assertThat(today.complaints()).isEqualTo(1);
		assertThat(today.bounceRate()).isEqualTo(1 / 11.0);
		assertThat(today.complaintRate()).isEqualTo(1 / 11.0);
		assertThat(today.moreLikeThis()).isEqualTo(1);
		assertThat(today.lessLikeThis()).isEqualTo(1);
		assertThat(figures.totals().newSubscribers()).isEqualTo(13);
		assertThat(figures.totals().digestsSent()).isEqualTo(11);
		assertThat(figures.totals().unsubscribeRate()).as("one of the none subscribed a week ago").isNull();
		assertThat(figures.daily().subList(0, 5)).allMatch((day) -> day.digestsSent() == 0 && day.bounces() == 0);
		assertThat(figures.embeddingsPending()).isZero();
		assertThat(figures.digestsDueWithinHour()).isZero();
		assertThat(figures.firstDigestDue()).isAfter(Instant.now());
	}

	@Test
	void rollingUpAgainChangesNothingAndThenFollowsChanges() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<SubscriberStatistics.Day> subscribers = this.subscriberStatistics.days(today.minusDays(7), today);
		List<DigestStatistics.Day> digests = this.digestStatistics.days(today.minusDays(7), today);
		List<BounceStatistics.Day> bounced = this.bounceStatistics.days(today.minusDays(7), today);
		rollUp();
		assertThat(this.subscriberStatistics.days(today.minusDays(7), today)).isEqualTo(subscribers);
		assertThat(this.digestStatistics.days(today.minusDays(7), today)).isEqualTo(digests);
		assertThat(this.bounceStatistics.days(today.minusDays(7), today)).isEqualTo(bounced);

		long reader = this.jdbc.sql("select id from subscriber where email = 'reader-8@example.org'")
			.query(Long.class)
			.single();
		this.subscriptions.unsubscribe(reader);
		this.bounces.softBounce("reader-9@example.org", "mailbox full");
		assertThat(figures(7).daily().get(6).lostSubscribers()).as("until the next rollup").isEqualTo(1);
		rollUp();
		DashboardFigures.Day now = figures(7).daily().get(6);
		assertThat(now.lostSubscribers()).isEqualTo(2);
		assertThat(now.bounces()).isEqualTo(2);
		assertThat(now.subscribedAtStart()).isEqualTo(5);
		assertThat(figures(7).subscribersByState()).containsEntry("UNSUBSCRIBED", 2L).containsEntry("ACTIVE", 10L);
	}

	@Test
	void aSecondInstanceLeavesTheRollupToTheOneRunningIt() throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread other = new Thread(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// DigestStatistics' key
			this.jdbc.sql("select pg_advisory_xact_lock(1145653075)").query().listOfRows();
			locked.countDown();
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		other.start();
		locked.await();
		try {
			assertThat(this.digestStatistics.rollUp()).isFalse();
			assertThat(this.bounceStatistics.rollUp()).isTrue();
		}
		finally {
			done.countDown();
			other.join();
		}
		assertThat(this.digestStatistics.rollUp()).isTrue();
	}

	@Test
	void thePageShowsTheNumbersOfTheAdminApi() {
		JsonNode api = ApiClient.json(new ApiClient(this.port).adminGet("/api/v1/admin/dashboard?days=30"));
		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		HttpResponse<String> page = console.get("/admin?days=30");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();

		for (String state : List.of("PENDING", "ACTIVE", "PAUSED", "UNSUBSCRIBED")) {
			assertThat(tile(html, "state-" + state)).isEqualTo(api.get("subscribersByState").get(state).asString());
		}
		JsonNode totals = api.get("totals");
		Map<String, String> tiles = Map.of("new-subscribers", "newSubscribers", "lost-subscribers", "lostSubscribers",
				"digests-sent", "digestsSent", "digests-failed", "digestsFailed", "digests-skipped", "digestsSkipped",
				"more-like-this", "moreLikeThis", "less-like-this", "lessLikeThis");
		tiles.forEach((tile, field) -> assertThat(tile(html, tile)).as(tile).isEqualTo(totals.get(field).asString()));
		assertThat(tile(html, "digests-sent")).isEqualTo("11");
		assertThat(tile(html, "bounce-rate")).isEqualTo(DashboardCharts.percent(totals.get("bounceRate").asDouble()))
			.isEqualTo("9.09 %");
		assertThat(api.get("daily")).hasSize(30);
		assertThat(api.get("days").asInt()).isEqualTo(30);
		assertThat(html).contains("href=\"/admin/subscribers?state=ACTIVE\"")
			.contains("/admin/deliveries?status=FAILED&amp;day=" + LocalDate.now(ZoneOffset.UTC));
		assertThat(Pattern.compile("<canvas role=\"img\"").matcher(html).results().count()).isEqualTo(5);

		HttpResponse<String> range = console.get("/admin/dashboard/range?days=90");
		assertThat(range.statusCode()).isEqualTo(200);
		assertThat(range.body()).contains("Last 90 days").doesNotContain("<html");
		assertThat(console.get("/admin?days=8").statusCode()).isEqualTo(400);
		assertThat(new ApiClient(this.port).adminGet("/api/v1/admin/dashboard?days=365").getStatusCode().value())
			.isEqualTo(400);
		assertThat(new ApiClient(this.port).get("/api/v1/admin/dashboard").getStatusCode().value()).isEqualTo(401);
	}

	private static String tile(String html, String name) {
		Matcher matcher = Pattern
			.compile("data-figure=\"" + name + "\"[^>]*>.*?<span class=\"value\">([^<]*)</span>", Pattern.DOTALL)
			.matcher(html);
		assertThat(matcher.find()).as("tile " + name).isTrue();
		return matcher.group(1).trim().replace(",", "");
	}

	@Autowired
	Dashboard dashboard;

	private DashboardFigures figures(int days) {
		return this.dashboard.figures(days);
	}

	private void rollUp() {
		assertThat(this.subscriberStatistics.rollUp()).isTrue();
		assertThat(this.digestStatistics.rollUp()).isTrue();
		assertThat(this.bounceStatistics.rollUp()).isTrue();
	}

}
