package dev.paperboy.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import dev.paperboy.Paperboy;
import dev.paperboy.matching.TextEmbedder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills an embedded PostgreSQL, kept in {@code -Dbench.data=DIR} for reuse, with a
 * console's worth of data at scale: 1,000,000 subscribers (varied states, addresses and
 * interests, created over 90 days), 3,000,000 digests over 90 days with 5 papers each,
 * the papers, feedback, bounces, fetch runs, schedules and 90 days of daily rollups, all
 * through COPY. A directory already seeded is left as it is.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.paperboy.bench.ConsoleScaleSeed -Dbench.data=target/console-scale
 * </pre>
 */
public final class ConsoleScaleSeed {

	static final String PASSWORD = "console-bench-password-0123";

	static final String TOKEN = "console-bench-token-0123456789";

	static final String[] GIVEN = { "ada", "alan", "grace", "yann", "feifei", "geoffrey", "yoshua", "daphne", "judea",
			"leslie", "barbara", "donald", "edsger", "frances", "john", "katherine", "margaret", "niklaus", "radia",
			"tim" };

	static final String[] DOMAINS = { "example.org", "lab.example.org", "uni.example.edu", "mail.example.com",
			"research.example.net" };

	static final String[] INTERESTS = { "Spiking neural networks", "Scaling laws of language models",
			"Diffusion models for images", "Reinforcement learning from human feedback", "Graph neural networks",
			"Protein structure prediction", "Speech recognition", "Robot manipulation", "Causal inference",
			"Retrieval-augmented generation" };

	private ConsoleScaleSeed() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(System.getProperty("bench.data", "target/console-scale"));
		int subscribers = Integer.getInteger("bench.subscribers", 1_000_000);
		int digests = Integer.getInteger("bench.digests", 3_000_000);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext app = start(data)) {
			try (Connection connection = app.getBean(DataSource.class).getConnection()) {
				if (count(connection, "select count(*) from subscriber") > 0) {
					System.out.println("Already seeded: " + data.toAbsolutePath());
					return;
				}
				String model = app.getBean(TextEmbedder.class).model();
				seed(connection, subscribers, digests, model);
			}
		}
		System.out.printf(Locale.ROOT, "Seeded %s in %.1f min%n", data.toAbsolutePath(),
				(System.nanoTime() - started) / 60e9);
	}

	// with its web server: the console's security (and its first admin) needs one
	static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(Paperboy.class).run("--paperboy.embedded.data-dir=" + data,
				"--server.port=0", "--logging.level.root=WARN",
				// a fixed port (-Dbench.postgres-port) lets a second client EXPLAIN while
				// it runs
				"--paperboy.embedded.postgres-port=" + Integer.getInteger("bench.postgres-port", 0),
				"--paperboy.scheduling.enabled=false", "--paperboy.demo.enabled=false",
				"--paperboy.matching.embeddings.enabled=false", "--paperboy.delivery.outbox.workers=0",
				"--paperboy.digest.scheduler-enabled=false", "--paperboy.admin.initial-password=" + PASSWORD,
				"--paperboy.admin.api-token=" + TOKEN);
	}

	private static void seed(Connection connection, int subscribers, int digests, String model) throws SQLException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate first = today.minusDays(89);
		Random random = new Random(12);
		int papersPerDay = 220;
		try (Statement statement = connection.createStatement()) {
			// no foreign-key triggers while loading: the rows are made consistent
			statement.execute("set session_replication_role = replica");
		}

		time("papers", () -> {
			try (Rows rows = new Rows(pg, "copy paper (key, arxiv_id, title_hash, title, abstract, authors, "
					+ "categories, sources, published_on, first_seen_at, upvotes) from stdin")) {
				for (int i = 0; i < 90 * papersPerDay; i++) {
					LocalDate day = first.plusDays(i / papersPerDay);
					String key = String.format(Locale.ROOT, "26%02d.%05d", i % 12 + 1, i);
					String title = INTERESTS[i % INTERESTS.length] + ", study " + i;
					rows.row(key, key, "t" + i, title,
							"We study " + INTERESTS[(i * 7) % INTERESTS.length].toLowerCase(Locale.ROOT) + " at scale ("
									+ i + ").",
							"{\"" + GIVEN[i % GIVEN.length] + " Author\"}", "{cs.LG}",
							(i % 3 == 0) ? "{huggingface,arxiv}" : "{arxiv}", day.toString(),
							day.atTime(6, 0).toInstant(ZoneOffset.UTC).toString(), Integer.toString(i % 200));
				}
			}
		});
		execute(connection, "insert into paper_embedding (paper_id, model, text_hash, vector) select id, '" + model
				+ "', md5(title || E'\\n' || abstract), '{0}' from paper where id % 50 <> 0");

		time("subscribers", () -> {
			try (Rows rows = new Rows(pg, "copy subscriber (email, email_key, status, interests, keywords, categories, "
					+ "created_at, updated_at, confirmed_at, unsubscribed_at) from stdin")) {
				for (int i = 1; i <= subscribers; i++) {
					String email = GIVEN[i % GIVEN.length] + "." + GIVEN[(i / 20) % GIVEN.length] + i + "@"
							+ DOMAINS[i % DOMAINS.length];
					int roll = random.nextInt(100);
					String status = (roll < 80) ? "ACTIVE"
							: (roll < 88) ? "PAUSED" : (roll < 95) ? "UNSUBSCRIBED" : "PENDING";
					Instant created = first.atStartOfDay(ZoneOffset.UTC)
						.toInstant()
						.plusSeconds((long) ((double) i / subscribers * 89 * 86_400));
					Instant confirmed = status.equals("PENDING") ? null : created.plusSeconds(600);
					Instant unsubscribed = status.equals("UNSUBSCRIBED") ? created.plusSeconds(
							1200 + 86_400L * random.nextInt(1 + (int) ((double) (subscribers - i) / subscribers * 89)))
							: null;
					rows.row(email, email.toLowerCase(Locale.ROOT), status, INTERESTS[i % INTERESTS.length],
							(i % 4 == 0) ? "transformer OR attention" : "", (i % 5 == 0) ? "{cs.AI}" : "{}",
							created.toString(), created.toString(), (confirmed != null) ? confirmed.toString() : null,
							(unsubscribed != null) ? unsubscribed.toString() : null);
				}
			}
		});
		// the words' trigger does not fire under session_replication_role = replica: the
		// rows in the index's order, appended at its end
		time("subscriber words", () -> execute(connection, """
				insert into subscriber_word (word, email_key)
				select word, email_key from subscriber, unnest(tsvector_to_array(search_words)) word
				order by word, email_key collate "C"
				"""));
		execute(connection, """
				insert into digest_schedule (subscriber_id, schedule, next_due_at)
				select id, 'DAILY|1|7|UTC', date_trunc('hour', now()) + (id % 24) * interval '1 hour'
				from subscriber where status = 'ACTIVE'""");

		int perDay = digests / 90;
		time("digests", () -> {
			try (Rows rows = new Rows(pg, "copy digest (subscriber_id, period, due_at, status, attempts, "
					+ "next_attempt_at, created_at, sent_at) from stdin")) {
				for (int k = 0; k < perDay * 90; k++) {
					int d = k / perDay;
					LocalDate day = first.plusDays(d);
					Instant created = day.atTime(7, 0).toInstant(ZoneOffset.UTC).plusMillis((k % perDay) * 2L);
					String status = status(k, d);
					rows.row(Long.toString(subscriber(k, perDay, subscribers)), day.toString(), created.toString(),
							status, status.equals("SKIPPED") ? "0" : "1", created.toString(), created.toString(),
							status.equals("SENT") ? created.plusSeconds(30).toString() : null);
				}
			}
			try (Rows rows = new Rows(pg,
					"copy digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons) from stdin")) {
				for (int k = 0; k < perDay * 90; k++) {
					int d = k / perDay;
					if (status(k, d).equals("SKIPPED")) {
						continue;
					}
					long subscriber = subscriber(k, perDay, subscribers);
					for (int position = 0; position < 5; position++) {
						long paper = (long) d * papersPerDay + (subscriber % 40) * 5 + position + 1;
						rows.row(Long.toString(k + 1L), Long.toString(subscriber), Long.toString(paper),
								Integer.toString(position), "0.5", "{\"close to your interests\"}");
					}
				}
			}
		});

		time("feedback, bounces, runs", () -> {
			try (Rows rows = new Rows(pg, "copy feedback (subscriber_id, paper_key, vote, created_at) from stdin")) {
				for (int i = 1; i <= subscribers; i += 2) {
					LocalDate day = first.plusDays(random.nextInt(90));
					int paper = day.getDayOfYear() % 90 * papersPerDay + random.nextInt(papersPerDay);
					rows.row(Integer.toString(i), String.format(Locale.ROOT, "26%02d.%05d", paper % 12 + 1, paper),
							random.nextInt(4) == 0 ? "-1" : "1",
							day.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(i % 3600).toString());
				}
			}
			try (Rows rows = new Rows(pg, "copy bounce_event (provider, event_id, kind, address_hash, detail, "
					+ "received_at) from stdin")) {
				for (int k = 0; k < perDay * 90; k += 97) {
					LocalDate day = first.plusDays(k / perDay);
					String kind = (k % 13 == 0) ? "COMPLAINT" : (k % 3 == 0) ? "SOFT" : "HARD";
					rows.row("smtp", null, kind, "h" + k, "550 no such user",
							day.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(k % 3600).toString());
				}
			}
			try (Rows rows = new Rows(pg,
					"copy fetch_run (source, trigger, started_at, finished_at, status, " + "new_count) from stdin")) {
				for (int d = 0; d < 90; d++) {
					Instant at = first.plusDays(d).atTime(6, 0).toInstant(ZoneOffset.UTC);
					rows.row("arxiv", "SCHEDULED", at.toString(), at.plusSeconds(40).toString(), "SUCCEEDED",
							Integer.toString(papersPerDay * 2 / 3));
					rows.row("huggingface", "SCHEDULED", at.toString(), at.plusSeconds(20).toString(),
							(d % 17 == 0) ? "FAILED" : "SUCCEEDED", Integer.toString(papersPerDay / 3));
				}
			}
		});

		time("rollups and statistics", () -> {
			execute(connection, "set session_replication_role = origin");
			execute(connection, "truncate subscriber_daily, subscriber_state_count, digest_daily, bounce_daily");
			// the backfill of V15, over the seeded rows
			String migration = new String(
					ConsoleScaleSeed.class.getResourceAsStream("/db/migration/V15__daily_rollups.sql").readAllBytes(),
					StandardCharsets.UTF_8);
			for (String sql : migration.split(";\n")) {
				String trimmed = sql.replaceAll("(?m)^--.*$", "").trim();
				if (trimmed.startsWith("insert") || trimmed.startsWith("update")) {
					execute(connection, trimmed);
				}
			}
			execute(connection,
					"vacuum (analyze) paper, paper_embedding, subscriber, subscriber_word, digest_schedule, digest, "
							+ "digest_paper, feedback, bounce_event, fetch_run, subscriber_daily, subscriber_state_count, "
							+ "digest_daily, bounce_daily");
		});
	}

	// 92 % sent, 1 % failed, 5 % skipped, 2 % suppressed
	private static String status(int k, int day) {
		int roll = Math.floorMod(k * 7919 + day, 100);
		return (roll < 92) ? "SENT" : (roll < 93) ? "FAILED" : (roll < 98) ? "SKIPPED" : "SUPPRESSED";
	}

	// distinct subscribers within a day: (j * 30 + day) mod n is one-to-one for j < n /
	// 30
	private static long subscriber(int k, int perDay, int subscribers) {
		return ((long) (k % perDay) * 30 + k / perDay) % subscribers + 1;
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void time(String what, Step step) throws SQLException {
		long started = System.nanoTime();
		try {
			step.run();
		}
		catch (java.io.IOException ex) {
			throw new SQLException(ex);
		}
		System.out.printf(Locale.ROOT, "  %-24s %6.1f s%n", what, (System.nanoTime() - started) / 1e9);
	}

	interface Step {

		void run() throws SQLException, java.io.IOException;

	}

	/** Rows for one COPY in its text format, sent in 1 MiB chunks. */
	static final class Rows implements AutoCloseable {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 21);

		Rows(PGConnection connection, String sql) throws SQLException {
			this.copy = connection.getCopyAPI().copyIn(sql);
		}

		void row(String... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.buffer.append('\t');
				}
				if (values[i] == null) {
					this.buffer.append("\\N");
				}
				else {
					this.buffer.append(values[i].replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
				}
			}
			this.buffer.append('\n');
			if (this.buffer.length() > (1 << 20)) {
				flush();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}

		@Override
		public void close() throws SQLException {
			flush();
			this.copy.endCopy();
		}

	}

}
