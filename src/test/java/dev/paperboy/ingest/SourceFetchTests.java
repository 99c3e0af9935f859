package dev.paperboy.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.StubHttpServer;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperCatalog;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.paperboy.StubHttpServer.fixture;
import static dev.paperboy.StubHttpServer.ok;
import static dev.paperboy.StubHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The remote sources against a stub server on loopback serving recorded responses and
 * failures.
 */
@PaperboyTest
class SourceFetchTests {

	static final StubHttpServer stub = new StubHttpServer();

	private static final String HF = "/api/daily_papers";

	private static final String FEED = "/atom/";

	private static final String QUERY = "/api/query";

	private static final String JSON = "application/json";

	private static final String ATOM = "application/atom+xml";

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry registry) {
		registry.add("paperboy.ingest.hugging-face.base-url", stub::baseUrl);
		registry.add("paperboy.ingest.hugging-face.days-back", () -> "0");
		registry.add("paperboy.ingest.arxiv.feed-url", stub::baseUrl);
		registry.add("paperboy.ingest.arxiv.api-url", stub::baseUrl);
		registry.add("paperboy.ingest.arxiv.categories", () -> "cs.AI");
	}

	@Autowired
	FetchService fetches;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		stub.reset();
		DatabaseCleaner.clean(this.jdbc);
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void ingestsTheSameHuggingFaceBatchTwiceAsOnePaperCountedUnchangedTheSecondTime() {
		stub.enqueue(HF, ok(fixture("hf-daily-papers.json"), JSON), ok(fixture("hf-daily-papers.json"), JSON));

		FetchRun first = fetch("huggingface", null);
		FetchRun second = fetch("huggingface", null);

		assertThat(first.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(first.added()).isEqualTo(1);
		assertThat(second.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(second.added()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(1);
		assertThat(paperCount()).isEqualTo(1);
		Paper paper = this.catalog.find("2602.23229").orElseThrow();
		assertThat(paper.upvotes()).isEqualTo(10);
		assertThat(paper.sources()).containsExactly("huggingface");
		assertThat(stub.arrivals(HF).get(0).target()).contains("date=" + LocalDate.now(ZoneOffset.UTC)).contains("p=0");
	}

	@Test
	void pagesThroughADayUntilAShortPage() {
		stub.enqueue(HF, ok(dailyPapers(0, 100), JSON), ok(dailyPapers(100, 3), JSON));

		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(run.added()).isEqualTo(103);
		assertThat(stub.arrivals(HF)).extracting(StubHttpServer.Arrival::target)
			.satisfiesExactly((target) -> assertThat(target).contains("p=0"),
					(target) -> assertThat(target).contains("p=1"));
	}

	@Test
	void failsTheRunWithArxivsMessageOnTheErrorFeed() {
		stub.enqueue(QUERY, ok(fixture("arxiv-api-error.atom.xml"), ATOM));

		FetchRun run = fetch("arxiv", new FetchWindow(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)));

		assertThat(run.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(run.message()).contains("arXiv API error").contains("incorrect id format for 1234.12345");
		assertThat(run.added()).isZero();
		assertThat(paperCount()).isZero();
		assertThat(stub.arrivals(QUERY).get(0).target()).contains("submittedDate")
			.contains("202601050000")
			.contains("202601062359");
	}

	@Test
	void readsTheListingFeedWithADescriptiveUserAgentAndSkipsReplacements() {
		String listing = fixture("arxiv-listing-cs.AI.atom.xml").replaceFirst("<arxiv:announce_type>new",
				"<arxiv:announce_type>replace");
		stub.enqueue(FEED, ok(listing, ATOM));

		FetchRun run = fetch("arxiv", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(run.added()).isEqualTo(6);
		assertThat(run.message()).isEqualTo("skipped 1 replacement announcements");
		assertThat(stub.arrivals(FEED).get(0).target()).isEqualTo("/atom/cs.AI");
		assertThat(stub.arrivals(FEED).get(0).userAgent()).startsWith("Paperboy/");
	}

	@Test
	void waitsOutRetryAfterOn429AndRetries() {
		stub.enqueue(HF, new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build(),
				ok(fixture("hf-daily-papers.json"), JSON));

		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		List<StubHttpServer.Arrival> arrivals = stub.arrivals(HF);
		assertThat(arrivals).hasSize(2);
		assertThat(Duration.between(arrivals.get(0).at(), arrivals.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void retriesServerErrorsAndTruncatedBodies() {
		String body = fixture("hf-daily-papers.json");
		stub.enqueue(HF, status(503),
				// the body stops 500 bytes short of its Content-Length and the connection
				// closes
				new MockResponse.Builder().code(200)
					.body(body)
					.setHeader("Content-Length", body.getBytes(StandardCharsets.UTF_8).length + 500)
					.onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
					.build(),
				ok(body, JSON));

		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		assertThat(stub.arrivals(HF)).hasSize(3);
	}

	@Test
	void timesOutAStalledResponseAndRetries() {
		stub.enqueue(HF, new MockResponse.Builder().code(200).body("[").headersDelay(10, TimeUnit.SECONDS).build(),
				ok(fixture("hf-daily-papers.json"), JSON));

		long started = System.nanoTime();
		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		// the read timeout (2 s in tests) cut the stall short
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
	}

	@Test
	void givesUpAfterABoundedNumberOfAttemptsAndSaysWhy() {
		for (int i = 0; i < 10; i++) {
			stub.enqueue(HF, status(500));
		}

		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(run.message()).contains("after 4 attempts").contains("HTTP 500");
		assertThat(stub.arrivals(HF)).hasSize(4);
	}

	@Test
	void doesNotRetryAClientError() {
		stub.enqueue(HF, status(404), ok(fixture("hf-daily-papers.json"), JSON));

		FetchRun run = fetch("huggingface", null);

		assertThat(run.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(run.message()).contains("HTTP 404");
		assertThat(stub.arrivals(HF)).hasSize(1);
	}

	@Test
	void aSourceThatKeepsFailingDoesNotStopAnotherSourcesRun() {
		for (int i = 0; i < 10; i++) {
			stub.enqueue(HF, status(500));
		}
		stub.enqueue(FEED, ok(fixture("arxiv-listing-cs.AI.atom.xml"), ATOM));

		FetchRun failing = this.fetches.start(source("huggingface"), Trigger.SCHEDULED, null).orElseThrow();
		FetchRun other = this.fetches.start(source("arxiv"), Trigger.SCHEDULED, null).orElseThrow();

		FetchRun failed = awaitFinished(failing.id());
		FetchRun succeeded = awaitFinished(other.id());
		assertThat(failed.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(succeeded.status()).isEqualTo(FetchRun.Status.SUCCEEDED);
		assertThat(succeeded.added()).isPositive();
		assertThat(paperCount()).isEqualTo(succeeded.added());
	}

	@Test
	void keepsTheRecordsOfTheDaysThatWorkedWhenOneDayFails() {
		for (int i = 0; i < 4; i++) {
			stub.enqueue(HF + "?date=2026-03-05", status(500));
		}
		stub.enqueue(HF + "?date=2026-03-06", ok(fixture("hf-daily-papers.json"), JSON));

		FetchRun run = fetch("huggingface", new FetchWindow(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6)));

		assertThat(run.status()).isEqualTo(FetchRun.Status.FAILED);
		assertThat(run.message()).contains("2026-03-05");
		assertThat(run.added()).isEqualTo(1);
		assertThat(this.catalog.find("2602.23229")).isPresent();
	}

	@Test
	void mergesAPaperSeenOnHuggingFaceAndOnArxivIntoOne() {
		String listing = fixture("arxiv-listing-cs.AI.atom.xml");
		String hf = fixture("hf-daily-papers.json").replace("2602.23229", "2508.13426");
		stub.enqueue(HF, ok(hf, JSON));
		stub.enqueue(FEED, ok(listing, ATOM));

		fetch("huggingface", null);
		long before = paperCount();
		FetchRun arxiv = fetch("arxiv", null);

		Paper paper = this.catalog.find("2508.13426").orElseThrow();
		assertThat(paper.sources()).containsExactly("arxiv", "huggingface");
		assertThat(paper.upvotes()).isEqualTo(10);
		assertThat(paper.categories()).contains("cs.CL", "cs.AI");
		assertThat(arxiv.updated()).isEqualTo(1);
		assertThat(paperCount()).isEqualTo(before + arxiv.added());
	}

	private FetchRun fetch(String name, FetchWindow window) {
		return this.fetches.fetch(source(name), Trigger.MANUAL, window);
	}

	private PaperSource source(String name) {
		return this.fetches.source(name).orElseThrow();
	}

	private FetchRun awaitFinished(long id) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.fetches.find(id).orElseThrow().status() != FetchRun.Status.RUNNING);
		return this.fetches.find(id).orElseThrow();
	}

	private long paperCount() {
		return this.jdbc.sql("select count(*) from paper").query(Long.class).single();
	}

	static String dailyPapers(int first, int count) {
		StringBuilder json = new StringBuilder("[");
		for (int i = first; i < first + count; i++) {
			json.append((i > first) ? "," : "")
				.append("{\"paper\":{\"id\":\"2601.")
				.append(String.format("%05d", i))
				.append("\",\"title\":\"Paper number ")
				.append(i)
				.append("\",\"summary\":\"Abstract of paper ")
				.append(i)
				.append(".\",\"upvotes\":")
				.append(i)
				.append("},\"numComments\":0}");
		}
		return json.append("]").toString();
	}

}
