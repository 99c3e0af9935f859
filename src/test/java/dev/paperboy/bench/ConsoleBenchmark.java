package dev.paperboy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import dev.paperboy.ConsoleClient;
import dev.paperboy.delivery.BounceStatistics;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.subscription.SubscriberStatistics;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application on the database {@link ConsoleScaleSeed} filled (same
 * {@code -Dbench.data=DIR}) and times the console's pages one request at a time, signed
 * in like a browser (the admin API with its bearer token): p50, p95 and max of
 * {@code -Dbench.requests} (50) requests per page after {@code -Dbench.warmup} (30). A
 * page another part of the console has not built yet (404) is reported and skipped. Every
 * filter, combination and sort of the subscriber search is a page of its own;
 * {@code -Dbench.only=REGEX} keeps some, {@code -Dbench.vacuum=TABLES} vacuums and
 * analyzes first, {@code -Dbench.postgres-port} pins the database's port for a second
 * client.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.paperboy.bench.ConsoleBenchmark -Dbench.data=target/console-scale
 * </pre>
 */
public final class ConsoleBenchmark {

	private ConsoleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(System.getProperty("bench.data", "target/console-scale"));
		int requests = Integer.getInteger("bench.requests", 50);
		int warmup = Integer.getInteger("bench.warmup", 30);
		int subscribers = Integer.getInteger("bench.subscribers", 1_000_000);
		try (ConfigurableApplicationContext app = ConsoleScaleSeed.start(data)) {
			String vacuum = System.getProperty("bench.vacuum");
			if (vacuum != null) {
				// e.g. -Dbench.vacuum=subscriber: a database seeded before a migration
				// that
				// rewrote a table (V16) has lost its visibility map, which a fresh seed's
				// vacuum sets and autovacuum keeps in a running one; index-only scans
				// need it
				try (java.sql.Connection connection = app.getBean(javax.sql.DataSource.class).getConnection();
						java.sql.Statement statement = connection.createStatement()) {
					long started = System.nanoTime();
					statement.execute("vacuum (analyze) " + vacuum.replaceAll("[^a-z_, ]", ""));
					System.out.printf(Locale.ROOT, "vacuum (analyze) %s: %.1f s%n", vacuum,
							(System.nanoTime() - started) / 1e9);
				}
			}
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			ConsoleClient console = new ConsoleClient(port);
			HttpResponse<String> login = console.login(ConsoleClient.ADMIN, ConsoleScaleSeed.PASSWORD);
			if (login.statusCode() >= 400 || console.get("/admin").statusCode() != 200) {
				throw new IllegalStateException("Cannot sign in to the console: " + login.statusCode());
			}
			HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			Random random = new Random(3);
			Map<String, IntFunction<Integer>> pages = new LinkedHashMap<>();
			pages.put("GET /admin (dashboard, 7 days)", (i) -> console.get("/admin").statusCode());
			pages.put("GET /admin?days=90", (i) -> console.get("/admin?days=90").statusCode());
			pages.put("GET /api/v1/admin/dashboard?days=90",
					(i) -> bearer(api, port, "/api/v1/admin/dashboard?days=90"));
			// the subscriber search: every filter, their combinations and each sort
			Map<String, Supplier<String>> searches = new LinkedHashMap<>();
			searches.put("list, newest first", () -> "");
			searches.put("sort=address", () -> "sort=address");
			searches.put("sort=state", () -> "sort=state");
			searches.put("q=<given.family7> (prefix)",
					() -> "q=" + given(random) + "." + given(random) + digit(random));
			searches.put("q=<given> (broad prefix)", () -> "q=" + given(random));
			searches.put("q=<given> sort=address", () -> "q=" + given(random) + "&sort=address");
			searches.put("q=<family12>&in=contains",
					() -> "q=" + given(random) + digit(random) + digit(random) + "&in=contains");
			searches.put("q=<family>&in=contains (broad)", () -> "q=" + given(random) + "&in=contains");
			searches.put("q=<family>&in=contains sort=address",
					() -> "q=" + given(random) + "&in=contains&sort=address");
			searches.put("q=<family>&in=contains sort=state", () -> "q=" + given(random) + "&in=contains&sort=state");
			searches.put("q=<word>&in=interests (broad)", () -> "q=" + word(random) + "&in=interests");
			searches.put("q=transformer&in=interests (25%)", () -> "q=transformer&in=interests");
			searches.put("q=<word>&in=interests sort=address",
					() -> "q=" + word(random) + "&in=interests&sort=address");
			searches.put("state=<state>", () -> "state=" + state(random));
			searches.put("state=<state> sort=address", () -> "state=" + state(random) + "&sort=address");
			searches.put("q=<word>&in=interests&state=PAUSED",
					() -> "q=" + word(random) + "&in=interests&state=PAUSED");
			searches.put("q=<word>&in=interests&state=PENDING sort=address",
					() -> "q=" + word(random) + "&in=interests&state=PENDING&sort=address");
			searches.put("q=<given>&state=<state> (prefix)", () -> "q=" + given(random) + "&state=" + state(random));
			searches.put("q=<given>&state=<state> sort=address",
					() -> "q=" + given(random) + "&state=" + state(random) + "&sort=address");
			searches.put("q=<family>&in=contains&state=<state>",
					() -> "q=" + given(random) + "&in=contains&state=" + state(random));
			searches.put("q=<family>&in=contains&state=<state> sort=address",
					() -> "q=" + given(random) + "&in=contains&state=" + state(random) + "&sort=address");
			searches.put("q=<word>&in=interests page=20", () -> "q=" + word(random) + "&in=interests&page=20");
			searches.put("q=nobody (no match)", () -> "q=nobody.at.all");
			searches.forEach((name, query) -> pages.put("GET /admin/subscribers " + name,
					(i) -> console.get("/admin/subscribers?" + query.get()).statusCode()));
			pages.put("GET /admin/subscribers/{id}",
					(i) -> console.get("/admin/subscribers/" + (1 + random.nextInt(subscribers))).statusCode());
			pages.put("GET /api/v1/admin/subscribers/{id}",
					(i) -> bearer(api, port, "/api/v1/admin/subscribers/" + (1 + random.nextInt(subscribers))));
			// the run of the current hour (empty in the seed) and yesterday's 07:00 run
			// (33,333
			// digests)
			String busy = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC).toString();
			pages.put("GET /admin/deliveries", (i) -> console.get("/admin/deliveries").statusCode());
			pages.put("GET /admin/deliveries/live", (i) -> console.get("/admin/deliveries/live").statusCode());
			pages.put("GET /admin/deliveries?hour=<busy run>",
					(i) -> console.get("/admin/deliveries?hour=" + busy).statusCode());
			pages.put("GET /admin/deliveries/live?hour=<busy run>",
					(i) -> console.get("/admin/deliveries/live?hour=" + busy).statusCode());
			pages.put("GET /admin/papers", (i) -> console.get("/admin/papers").statusCode());
			pages.put("GET /admin/papers?q=<word>", (i) -> console.get("/admin/papers?q=" + word(random)).statusCode());
			pages.put("GET /admin/papers?q=<word>&source=huggingface&minUpvotes=100",
					(i) -> console.get("/admin/papers?q=" + word(random) + "&source=huggingface&minUpvotes=100")
						.statusCode());
			pages.put("GET /admin/papers/{id}",
					(i) -> console.get("/admin/papers/" + (1 + random.nextInt(19_800))).statusCode());
			String only = System.getProperty("bench.only");
			if (only != null) {
				// a regular expression: -Dbench.only='subscribers|papers'
				java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(only);
				pages.keySet().removeIf((name) -> !wanted.matcher(name).find());
			}
			System.out.printf(Locale.ROOT, "%-66s %8s %8s %8s %6s%n", "page", "p50 ms", "p95 ms", "max ms", "n");
			for (Map.Entry<String, IntFunction<Integer>> page : pages.entrySet()) {
				int status = page.getValue().apply(0);
				if (status != 200) {
					System.out.printf(Locale.ROOT, "%-66s answered %d: not measured%n", page.getKey(), status);
					continue;
				}
				for (int i = 0; i < warmup; i++) {
					page.getValue().apply(i);
				}
				List<Double> times = new ArrayList<>();
				for (int i = 0; i < requests; i++) {
					long started = System.nanoTime();
					int answer = page.getValue().apply(i);
					times.add((System.nanoTime() - started) / 1e6);
					if (answer != 200) {
						throw new IllegalStateException(page.getKey() + " answered " + answer);
					}
				}
				double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				System.out.printf(Locale.ROOT, "%-66s %8.1f %8.1f %8.1f %6d%n", page.getKey(), percentile(sorted, 50),
						percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
			}
			// the rollup jobs' rounds, at this scale
			Map<String, java.util.function.BooleanSupplier> rollups = new LinkedHashMap<>();
			rollups.put("rollup: subscription", app.getBean(SubscriberStatistics.class)::rollUp);
			rollups.put("rollup: digest", app.getBean(DigestStatistics.class)::rollUp);
			rollups.put("rollup: delivery", app.getBean(BounceStatistics.class)::rollUp);
			for (Map.Entry<String, java.util.function.BooleanSupplier> rollup : rollups.entrySet()) {
				double[] times = new double[5];
				for (int i = 0; i < times.length; i++) {
					long started = System.nanoTime();
					rollup.getValue().getAsBoolean();
					times[i] = (System.nanoTime() - started) / 1e6;
				}
				Arrays.sort(times);
				System.out.printf(Locale.ROOT, "%-66s %8.1f %8s %8.1f %6d%n", rollup.getKey(), times[2], "", times[4],
						times.length);
			}
			System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average: "
					+ Arrays.toString(loadAverage()));
		}
	}

	private static String given(Random random) {
		return ConsoleScaleSeed.GIVEN[random.nextInt(ConsoleScaleSeed.GIVEN.length)];
	}

	private static int digit(Random random) {
		return 1 + random.nextInt(9);
	}

	// one word of an interest, e.g. "diffusion": each interest is a tenth of the list
	private static String word(Random random) {
		String[] words = { "spiking", "scaling", "diffusion", "reinforcement", "graph", "protein", "speech", "robot",
				"causal", "retrieval" };
		return words[random.nextInt(words.length)];
	}

	private static String state(Random random) {
		String[] states = { "ACTIVE", "PAUSED", "UNSUBSCRIBED", "PENDING" };
		return states[random.nextInt(states.length)];
	}

	private static int bearer(HttpClient client, int port, String path) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", "Bearer " + ConsoleScaleSeed.TOKEN)
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double percentile(double[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static double[] loadAverage() {
		try {
			String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
			return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
					Double.parseDouble(parts[2]) };
		}
		catch (java.io.IOException | RuntimeException ex) {
			return new double[0];
		}
	}

}
