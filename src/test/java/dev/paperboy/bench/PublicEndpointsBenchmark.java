package dev.paperboy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperboy.Paperboy;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.subscription.TokenPurpose;
import dev.paperboy.subscription.Tokens;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public endpoints under {@code wrk} (Debian's package), as a reader's browser and
 * mail client reach them: the application on the embedded default (a fresh data
 * directory, the demo papers, all embedded) with the sign-up rate limits raised, then
 * each endpoint for {@code -Dbench.duration} (15s) after {@code -Dbench.warmup} (5s),
 * with {@code -Dbench.threads} (2) and {@code -Dbench.connections} (16). Signed links
 * rotate over {@code -Dbench.subscribers} (2000) subscribers per endpoint, seeded
 * beforehand; sign-ups use a new address each. Prints requests/s, p50, p99 and errors
 * (socket errors and answers other than 2xx/3xx) per endpoint. {@code wrk} runs a closed
 * loop (as fast as the connections go): Debian has no wrk2 for a fixed rate. Each
 * endpoint's wrk output is kept in {@code target/bench-public/<time>/};
 * {@code -Dbench.only=TEXT} runs the endpoints whose name contains it.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.paperboy.bench.PublicEndpointsBenchmark
 * </pre>
 */
public final class PublicEndpointsBenchmark {

	private static final String FORM = "application/x-www-form-urlencoded";

	private PublicEndpointsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = Integer.getInteger("bench.subscribers", 2000);
		String only = System.getProperty("bench.only", "");
		Path work = Path.of("target", "bench-public",
				LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Files.createDirectories(work);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Paperboy.class).run(
				"--paperboy.embedded.data-dir=" + work.resolve("data"), "--server.port=0", "--logging.level.root=WARN",
				"--paperboy.scheduling.enabled=false", "--paperboy.subscription.limits.per-ip-per-minute=100000000",
				"--paperboy.subscription.limits.per-ip-per-hour=100000000",
				"--paperboy.subscription.limits.per-address-per-hour=100000000")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String base = "http://127.0.0.1:" + port;
			System.out.printf("embedded papers: %d%n", app.getBean(PaperEmbedder.class).embedAll());
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Tokens tokens = app.getBean(Tokens.class);
			Path manage = links(work, "manage", seed(jdbc, "manage", "ACTIVE", subscribers), tokens,
					TokenPurpose.MANAGE, "/manage/");
			Path unsubscribe = links(work, "unsubscribe", seed(jdbc, "unsubscribe", "ACTIVE", subscribers), tokens,
					TokenPurpose.UNSUBSCRIBE, "/unsubscribe/");
			Path confirm = links(work, "confirm", seed(jdbc, "confirm", "PENDING", subscribers), tokens,
					TokenPurpose.CONFIRM, "/confirm/");
			Path search = Files.write(work.resolve("search.txt"),
					List.of("/papers?q=neural", "/papers?q=language+model", "/papers?q=vision", "/papers?q=diffusion",
							"/papers", "/papers?q=graph"));
			Path home = Files.write(work.resolve("home.txt"), List.of("/"));
			Map<String, String> endpoints = new LinkedHashMap<>();
			endpoints.put("sign-up (POST /subscribe)", signUpScript(work));
			endpoints.put("confirm page (GET /confirm/{token})", rotating(work, "confirm", confirm, "GET", null));
			endpoints.put("preference page (GET /manage/{token})", rotating(work, "manage", manage, "GET", null));
			endpoints.put("one-click unsubscribe (POST /unsubscribe/{token})",
					rotating(work, "unsubscribe", unsubscribe, "POST", "List-Unsubscribe=One-Click"));
			endpoints.put("paper search (GET /papers?q=)", rotating(work, "search", search, "GET", null));
			endpoints.put("home (GET /)", rotating(work, "home", home, "GET", null));
			List<String> rows = new ArrayList<>();
			for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
				if (!endpoint.getKey().contains(only)) {
					continue;
				}
				wrk(base, endpoint.getValue(), System.getProperty("bench.warmup", "5s"));
				String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
				String output = wrk(base, endpoint.getValue(), System.getProperty("bench.duration", "15s"));
				Files.writeString(Path.of(endpoint.getValue().replace(".lua", ".wrk.txt")), output);
				rows.add(row(endpoint.getKey(), output, load));
			}
			System.out.println();
			System.out.println("| endpoint | requests/s | p50 | p99 | errors | load before |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			rows.forEach(System.out::println);
		}
	}

	// Subscribers of one endpoint, by SQL: no events, no mail.
	private static List<Long> seed(JdbcClient jdbc, String label, String status, int count) {
		return jdbc.sql("""
				insert into subscriber (email, email_key, status, interests, keywords)
				select :label || '-' || n || '@bench.example.org', :label || '-' || n || '@bench.example.org',
				       :status, 'Large language models and their memory', 'language'
				from generate_series(1, :count) n returning id
				""").param("label", label).param("status", status).param("count", count).query(Long.class).list();
	}

	private static Path links(Path work, String name, List<Long> ids, Tokens tokens, TokenPurpose purpose,
			String prefix) throws IOException {
		return Files.write(work.resolve(name + ".txt"),
				ids.stream().map((id) -> prefix + tokens.issue(id, purpose)).toList());
	}

	// A wrk script that goes round the paths of a file, each thread from its own start.
	private static String rotating(Path work, String name, Path paths, String method, String body) throws IOException {
		String script = """
				local paths = {}
				local i = 0
				function setup(thread)
				  thread:set("start", math.random(1000))
				end
				function init(args)
				  for line in io.lines("%s") do paths[#paths + 1] = line end
				  i = start %% #paths
				end
				function request()
				  i = i %% #paths + 1
				  return wrk.format("%s", paths[i], %s, %s)
				end
				""".formatted(paths.toAbsolutePath(), method,
				(body != null) ? "{[\"Content-Type\"] = \"" + FORM + "\"}" : "nil",
				(body != null) ? "\"" + body + "\"" : "nil");
		return Files.writeString(work.resolve(name + ".lua"), script).toAbsolutePath().toString();
	}

	// A new address for every sign-up: thread number and a counter.
	private static String signUpScript(Path work) throws IOException {
		String script = """
				local counter = 0
				local threads = 0
				function setup(thread)
				  threads = threads + 1
				  thread:set("id", threads)
				end
				function request()
				  counter = counter + 1
				  local body = "email=reader-" .. id .. "-" .. counter .. "-" .. os.time() .. "%%40bench.example.org"
				    .. "&interests=Large+language+models&cadence=DAILY&deliveryHour=7&timeZone=UTC"
				    .. "&papersPerDigest=10&website="
				  return wrk.format("POST", "/subscribe", {["Content-Type"] = "%s"}, body)
				end
				""".formatted(FORM);
		return Files.writeString(work.resolve("signup.lua"), script).toAbsolutePath().toString();
	}

	private static String wrk(String base, String script, String duration) throws Exception {
		Process process = new ProcessBuilder("wrk", "-t" + Integer.getInteger("bench.threads", 2),
				"-c" + Integer.getInteger("bench.connections", 16), "-d" + duration, "--latency", "-s", script, base)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		return output;
	}

	private static String row(String endpoint, String output, String load) {
		long errors = 0;
		Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
			.matcher(output);
		if (socket.find()) {
			for (int i = 1; i <= 4; i++) {
				errors += Long.parseLong(socket.group(i));
			}
		}
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s |", endpoint,
				find(output, "Requests/sec:\\s+([0-9.]+)"), find(output, "\\s50%\\s+(\\S+)"),
				find(output, "\\s99%\\s+(\\S+)"), errors, load);
	}

	private static String find(String output, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(output);
		return matcher.find() ? matcher.group(1) : "?";
	}

}
