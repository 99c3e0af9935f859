package dev.paperboy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

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
 * page another part of the console has not built yet (404) is reported and skipped.
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
			pages.put("GET /admin/subscribers?q=<prefix>", (i) -> console.get("/admin/subscribers?q="
					+ ConsoleScaleSeed.GIVEN[random.nextInt(ConsoleScaleSeed.GIVEN.length)] + "."
					+ ConsoleScaleSeed.GIVEN[random.nextInt(ConsoleScaleSeed.GIVEN.length)] + (1 + random.nextInt(9)))
				.statusCode());
			pages.put("GET /admin/subscribers/{id}",
					(i) -> console.get("/admin/subscribers/" + (1 + random.nextInt(subscribers))).statusCode());
			System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s %6s%n", "page", "p50 ms", "p95 ms", "max ms", "n");
			for (Map.Entry<String, IntFunction<Integer>> page : pages.entrySet()) {
				int status = page.getValue().apply(0);
				if (status != 200) {
					System.out.printf(Locale.ROOT, "%-40s answered %d: not measured%n", page.getKey(), status);
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
				System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f %6d%n", page.getKey(), percentile(sorted, 50),
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
				System.out.printf(Locale.ROOT, "%-40s %8.1f %8s %8.1f %6d%n", rollup.getKey(), times[2], "", times[4],
						times.length);
			}
			System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average: "
					+ Arrays.toString(loadAverage()));
		}
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
