package dev.paperboy.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import dev.paperboy.Paperboy;
import dev.paperboy.TestDatabaseConfiguration;
import dev.paperboy.matching.MatchingRun;
import dev.paperboy.matching.Selection;
import dev.paperboy.matching.SubscriberMatching;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching at scale: N new papers (the demo papers, plus variants of them up to N) ranked
 * for M subscribers with mixed profiles stored in PostgreSQL (interests with stored
 * vectors, keyword queries with OR, phrases and exclusions, followed authors and
 * categories, liked papers, feedback), read a page at a time and ranked on all cores
 * through the production path ({@link SubscriberMatching}). Prints the time, pairs scored
 * per second and the heap's high-water mark. Run with the heap capped:
 *
 * <p>
 * {@code MAVEN_OPTS=-Xmx1g ./mvnw -q -Pbench test-compile exec:java
 * -Dbench.main=dev.paperboy.bench.MatchingBenchmark -Dbench.papers=500 -Dbench.subscribers=100000}
 */
public final class MatchingBenchmark {

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int papers = Integer.getInteger("bench.papers", 500);
		int subscribers = Integer.getInteger("bench.subscribers", 100_000);
		int pageSize = Integer.getInteger("bench.page", 1000);
		int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
		int rounds = Integer.getInteger("bench.rounds", 3);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Paperboy.class,
				TestDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.properties("logging.level.root=WARN", "paperboy.scheduling.enabled=false",
					"paperboy.matching.embeddings.enabled=false")
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			List<String> titles = BenchData.seedPapers(context, papers);
			BenchData.seedSubscribers(context, jdbc, subscribers, titles);
			System.out.printf(Locale.ROOT,
					"Matching benchmark: %,d papers x %,d subscribers, pages of %,d on %d threads, %d cores, max heap %,d MB, Java %s%n",
					papers, subscribers, pageSize, threads, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
			jdbc.sql(
					"""
							select count(*) filter (where interests <> '') as interests, count(*) filter (where keywords <> '') as keywords,
							       count(*) filter (where cardinality(authors) > 0) as authors,
							       count(*) filter (where cardinality(categories) > 0) as categories,
							       (select count(distinct subscriber_id) from liked_paper) as liked,
							       (select count(distinct subscriber_id) from feedback) as feedback,
							       count(distinct keywords) as queries
							from subscriber""")
				.query((rs) -> {
					System.out.printf(Locale.ROOT,
							"profiles: %,d with interests, %,d keywords (%,d distinct queries), %,d authors, %,d categories, %,d liked papers, %,d feedback%n",
							rs.getLong("interests"), rs.getLong("keywords"), rs.getLong("queries"),
							rs.getLong("authors"), rs.getLong("categories"), rs.getLong("liked"),
							rs.getLong("feedback"));
				});
			SubscriberMatching matching = context.getBean(SubscriberMatching.class);
			SubscriptionService subscriptions = context.getBean(SubscriptionService.class);
			long firstId = jdbc.sql("select min(id) - 1 from subscriber").query(Long.class).single();
			for (int round = 1; round <= rounds; round++) {
				run(round, matching, subscriptions, firstId, subscribers, pageSize, threads);
			}
		}
		finally {
			dev.paperboy.TestMailConfiguration.mail().stop();
		}
	}

	private static void run(int round, SubscriberMatching matching, SubscriptionService subscriptions, long firstId,
			int subscribers, int pageSize, int threads) throws Exception {
		System.gc();
		HeapWatch heap = new HeapWatch();
		long started = System.nanoTime();
		Instant now = Instant.now();
		MatchingRun run = matching.open(now);
		long opened = System.nanoTime();
		AtomicLong picked = new AtomicLong();
		AtomicLong empty = new AtomicLong();
		AtomicLong trending = new AtomicLong();
		AtomicLong loading = new AtomicLong();
		Instant since = matching.earliest(now);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> pages = new ArrayList<>();
			for (long first = 0; first < subscribers; first += pageSize) {
				long after = firstId + first;
				pages.add(pool.submit(() -> {
					long t0 = System.nanoTime();
					// The seeded ids are dense: page k holds the pageSize ids after k *
					// pageSize.
					List<Subscriber> page = subscriptions
						.find(LongStream.rangeClosed(after + 1, after + pageSize).boxed().toList());
					loading.addAndGet(System.nanoTime() - t0);
					Map<Long, Selection> selections = matching.select(run,
							page.stream()
								.map((subscriber) -> new SubscriberMatching.Request(subscriber, since, Set.of()))
								.toList());
					for (Selection selection : selections.values()) {
						picked.addAndGet(selection.papers().size());
						if (selection.papers().isEmpty()) {
							empty.incrementAndGet();
						}
						if (selection.trending()) {
							trending.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> page : pages) {
				page.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long finished = System.nanoTime();
		heap.stop();
		double seconds = (finished - started) / 1e9;
		System.out.printf(Locale.ROOT,
				"round %d: %,d subscribers in %.2f s (candidates loaded in %.2f s, %d papers) = %,.0f subscribers/s, %,.0f pairs/s; "
						+ "%.1f papers per digest, %,d empty, %,d trending; subscriber pages read in %.1f s of thread time; heap high-water %,d MB%n",
				round, subscribers, seconds, (opened - started) / 1e9, run.size(), subscribers / seconds,
				(double) run.size() * subscribers / seconds, picked.get() / (double) subscribers, empty.get(),
				trending.get(), loading.get() / 1e9, heap.peak() >> 20);
	}

}
