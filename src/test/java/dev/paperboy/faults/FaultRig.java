package dev.paperboy.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.paperboy.ScriptedSmtpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fault scenario's world: the service process, its database (the test's own
 * PostgreSQL or the embedded default) and an SMTP server that records every message it
 * accepts, by Message-ID and recipient. Seeds papers and due subscribers, and checks the
 * guarantees after a fault.
 */
final class FaultRig implements AutoCloseable {

	// generous: on 2 cores shared with other builds a start has taken 100 s
	static final Duration START = Duration.ofMinutes(4);

	final ServiceProcess service;

	final Database database;

	final ScriptedSmtpServer smtp;

	private final AutoCloseable closeDatabase;

	private FaultRig(ServiceProcess service, Database database, ScriptedSmtpServer smtp, AutoCloseable closeDatabase) {
		this.service = service;
		this.database = database;
		this.smtp = smtp;
		this.closeDatabase = closeDatabase;
	}

	/** On a PostgreSQL the test starts (and may stop). */
	static FaultRig external(Path directory, String name) {
		ExternalPostgres postgres = ExternalPostgres.start(directory.resolve("postgres"));
		ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
		Map<String, String> settings = common(smtp);
		settings.putAll(postgres.settings());
		settings.put("paperboy.tokens.keys", "fault-suite-signing-key-0123456789abcdef");
		settings.put("paperboy.delivery.suppression-salt", "fault-suite-suppression-salt-0123");
		settings.put("paperboy.admin.initial-password", "fault-suite-admin-password-0123");
		settings.put("paperboy.subscription.public-url", "https://papers.example.org");
		settings.put("paperboy.demo.enabled", "false");
		return new FaultRig(new ServiceProcess(settings, log(name)), postgres, smtp, postgres);
	}

	/**
	 * On the embedded default: an empty data directory, nothing else but the SMTP server.
	 */
	static FaultRig embedded(Path directory, String name) {
		ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
		int port = ServiceProcess.freePort();
		Map<String, String> settings = common(smtp);
		settings.put("paperboy.embedded.data-dir", directory.resolve("data").toString());
		settings.put("paperboy.embedded.postgres-port", Integer.toString(port));
		Path data = directory.resolve("data");
		return new FaultRig(new ServiceProcess(settings, log(name)), () -> embeddedConnection(data, port), smtp,
				() -> stopLeftover(data.resolve("postgres")));
	}

	// What a killed service leaves running on its data directory is the suite's to stop
	// (SIGTERM, a clean shutdown), so no scenario leaves a PostgreSQL behind.
	private static void stopLeftover(Path directory) throws IOException {
		Path pid = directory.resolve("postmaster.pid");
		if (Files.isRegularFile(pid)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(ProcessHandle::destroy);
		}
	}

	private static Map<String, String> common(ScriptedSmtpServer smtp) {
		Map<String, String> settings = new HashMap<>();
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", Integer.toString(smtp.port()));
		// A stalled server is given up on after 5 s (30 s by default), so the stall is
		// short.
		settings.put("spring.mail.properties.mail.smtp.timeout", "5000");
		settings.put("spring.mail.properties.mail.smtp.writetimeout", "5000");
		settings.put("paperboy.delivery.from", "papers@paperboy.test");
		settings.put("paperboy.ingest.huggingface.enabled", "false");
		settings.put("paperboy.ingest.arxiv.enabled", "false");
		settings.put("paperboy.digest.tick", "2s");
		settings.put("paperboy.delivery.outbox.idle", "200ms");
		// Retries within the test's minutes (1 min to 1 h by default); 12 attempts still
		// outlast a two-minute outage.
		settings.put("paperboy.delivery.outbox.initial-backoff", "5s");
		settings.put("paperboy.delivery.outbox.max-backoff", "20s");
		return settings;
	}

	private static Path log(String name) {
		return Path.of("target", "faults", name + ".log");
	}

	// The embedded PostgreSQL's superuser; its password, once it has one, is in the data
	// directory's secrets file.
	private static Connection embeddedConnection(Path data, int port) throws SQLException {
		String password = "postgres";
		Path secrets = data.resolve("secrets.properties");
		if (Files.isRegularFile(secrets)) {
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(secrets)) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (String key : properties.stringPropertyNames()) {
				String lower = key.toLowerCase(Locale.ROOT);
				if ((lower.contains("postgres") || lower.contains("datasource")) && lower.contains("password")) {
					password = properties.getProperty(key);
				}
			}
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
	}

	FaultRig start() {
		this.service.start(START);
		return this;
	}

	/** Imports the demo papers (the digests' papers) through the admin API, and waits. */
	long importPapers() throws IOException {
		this.service.upload("/api/v1/admin/imports", Path.of("src/main/resources/demo/papers.jsonl"));
		return papers();
	}

	/**
	 * Imports the demo papers and waits until they are embedded: the embedder and the
	 * digest scheduler take turns on one scheduling thread, so the digests are composed
	 * (and the fault's timing holds) only once the papers are embedded.
	 */
	void importAndEmbedPapers() throws IOException {
		// 60 of the demo papers: enough for every digest, embedded in seconds
		Path some = Files.createTempFile("paperboy-faults", ".jsonl");
		Files.write(some, Files.readAllLines(Path.of("src/main/resources/demo/papers.jsonl")).subList(0, 60));
		this.service.upload("/api/v1/admin/imports", some);
		Files.delete(some);
		long papers = papers();
		await(() -> this.database.count("select count(*) from paper_embedding") >= papers, Duration.ofMinutes(5),
				"the papers embedded");
	}

	long papers() {
		return this.database.count("select count(*) from paper");
	}

	/**
	 * Writes {@code count} active subscribers whose digest is due now (as a scheduler
	 * tick finds them after an outage): every one of them must get exactly one digest.
	 * Written in SQL, as the delivery benchmark does, so 1,000 of them take a second.
	 */
	void dueSubscribers(int count) throws SQLException {
		this.database.execute("""
				insert into subscriber (email, email_key, status, confirmed_at, keywords, when_empty)
				select 'reader' || g || '@example.org', 'reader' || g || '@example.org', 'ACTIVE', now(),
				       'learning OR model OR neural OR language', 'TRENDING'
				from generate_series(1, %d) g""".formatted(count));
		// The schedule's fingerprint is the profile's cadence|weekday|hour|zone (the
		// defaults).
		this.database.execute("""
				insert into digest_schedule (subscriber_id, schedule, next_due_at)
				select id, 'DAILY|MONDAY|7|UTC', now() - interval '1 minute' from subscriber""");
	}

	/** Waits until the SMTP server has accepted at least this many messages. */
	void awaitReceived(int messages, Duration timeout) {
		await(() -> this.smtp.received().size() >= messages, timeout, "the SMTP server to receive " + messages);
	}

	/**
	 * Waits until every one of the {@code count} readers got a digest.
	 * @return whether they did in time
	 */
	boolean awaitAllDelivered(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (recipients().size() < count) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			ServiceProcess.sleep(Duration.ofMillis(500));
		}
		// a copy in flight lands now or never
		ServiceProcess.sleep(Duration.ofSeconds(3));
		return true;
	}

	int delivered() {
		return recipients().size();
	}

	private Set<String> recipients() {
		return this.smtp.received()
			.stream()
			.flatMap((message) -> message.recipients().stream())
			.filter((to) -> to.startsWith("reader"))
			.collect(Collectors.toSet());
	}

	/**
	 * The delivery guarantee: each of the {@code count} readers got one digest (one
	 * Message-ID), and at most {@code copies} messages came twice.
	 */
	void checkDelivery(Outcome outcome, int count, int copies) {
		Map<String, List<String>> byRecipient = new HashMap<>();
		for (ScriptedSmtpServer.Received message : this.smtp.received()) {
			for (String to : message.recipients()) {
				if (to.startsWith("reader")) {
					byRecipient.computeIfAbsent(to, (key) -> new ArrayList<>()).add(message.messageId());
				}
			}
		}
		long distinctIds = byRecipient.values().stream().filter((ids) -> Set.copyOf(ids).size() > 1).count();
		long extra = byRecipient.values().stream().mapToLong((ids) -> ids.size() - 1L).sum();
		outcome.check("every due reader got a digest", byRecipient.size() == count,
				byRecipient.size() + " of " + count);
		outcome.check("one Message-ID per reader", distinctIds == 0,
				distinctIds + " readers got two different digests");
		outcome.check("copies at most " + copies, extra <= copies, extra + " copies");
		long unsent = this.database.count("select count(*) from digest where status not in ('SENT', 'SKIPPED')");
		outcome.check("every digest recorded SENT", unsent == 0, unsent + " not SENT");
	}

	void checkAfterRestart(Outcome outcome) {
		long running = this.database.count("select count(*) from fetch_run where status = 'RUNNING'");
		outcome.check("no fetch run left RUNNING", running == 0, running + " RUNNING");
		outcome.check("healthy (/actuator/health UP)", this.service.healthy(), "without manual steps");
	}

	/** A JSON Lines file of {@code lines} distinct papers built from the samples. */
	static Path largeImport(Path directory, int lines) throws IOException {
		List<JsonNode> samples = new ArrayList<>();
		Path shared = Path.of(System.getProperty("faults.samples", "../shared/samples"));
		List<Path> files = Files.isDirectory(shared) ? listJsonl(shared)
				: List.of(Path.of("src/main/resources/demo/papers.jsonl"));
		for (Path file : files) {
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank()) {
					samples.add(JsonMapper.shared().readTree(line));
				}
			}
		}
		Path file = directory.resolve("large-" + lines + ".jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < lines; i++) {
				JsonNode sample = samples.get(i % samples.size());
				Map<String, Object> paper = new java.util.LinkedHashMap<>();
				paper.put("title", sample.get("title").asString() + " (fault copy " + i + ")");
				paper.put("abstract", sample.get("abstract").asString());
				paper.put("arxivId", String.format(Locale.ROOT, "2612.%05d", i));
				out.write(JsonMapper.shared().writeValueAsString(paper));
				out.newLine();
			}
		}
		return file;
	}

	private static List<Path> listJsonl(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".jsonl")).sorted().toList();
		}
	}

	static void await(BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + timeout + " waiting for " + what);
			}
			ServiceProcess.sleep(Duration.ofMillis(100));
		}
	}

	@Override
	public void close() throws Exception {
		this.service.destroy();
		this.smtp.close();
		this.closeDatabase.close();
	}

}
