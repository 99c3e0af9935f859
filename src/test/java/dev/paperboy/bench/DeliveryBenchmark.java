package dev.paperboy.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.paperboy.Paperboy;
import dev.paperboy.TestDatabaseConfiguration;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.embedded.LoopbackSmtp;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery end to end: N subscribers with mixed profiles (as in
 * {@link MatchingBenchmark}) all due at once; the digest scheduler matches and composes
 * their digests into the outbox, then the outbox workers render and send them to
 * Postfix's {@code smtp-sink} on 127.0.0.1, each marked sent after the sink accepted it.
 * Then Postfix's {@code smtp-source} blasts messages of the same size into the same sink:
 * the rate a sender that renders and records nothing reaches on this machine. Prints each
 * stage's rate, the end-to-end rate, its ratio to the raw blast, the CPU time per digest
 * of this JVM, PostgreSQL and the sink (on a shared machine steadier than the rates), and
 * the heap's high-water mark. The outbox waits while the scheduler composes, so each
 * stage is timed alone; end to end is from the scheduler's start to the last digest
 * marked sent. Defaults: 500 papers, 3 rounds, 3 outbox workers claiming 500 digests at a
 * time (the sink is on this machine, so sending is bound by the CPU: a worker per core
 * and one more; 8 used more CPU per digest, switching between them), raw blasts of 20,000
 * messages on 8 sessions ({@code -Dbench.*} to change).
 *
 * <p>
 * {@code MAVEN_OPTS=-Xmx1g ./mvnw -q -Pbench test-compile exec:java
 * -Dbench.main=dev.paperboy.bench.DeliveryBenchmark -Dbench.subscribers=100000}
 *
 * <p>
 * Needs {@code smtp-sink} and {@code smtp-source} (Debian's postfix package;
 * {@code -Dbench.sink=} and {@code -Dbench.source=} for other paths).
 */
public final class DeliveryBenchmark {

	private DeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		try (SmtpSink sink = SmtpSink.start(settings.sink(), settings.source());
				ConfigurableApplicationContext context = boot(settings, sink.port())) {
			// The workers wait while the scheduler composes: each stage is timed alone.
			Lifecycle outbox = context.getBean("outboxWorkers", Lifecycle.class);
			outbox.stop();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			List<String> titles = BenchData.seedPapers(context, settings.papers());
			BenchData.seedSubscribers(context, jdbc, settings.subscribers(), titles);
			DigestScheduler scheduler = context.getBean(DigestScheduler.class);
			System.out.printf(Locale.ROOT,
					"Delivery benchmark: %,d papers, %,d subscribers, pages of %,d, %d outbox workers, batches of %,d, "
							+ "raw blasts on %d sessions; %d cores, max heap %,d MB, Java %s%n",
					settings.papers(), settings.subscribers(), settings.page(), settings.workers(), settings.batch(),
					settings.sessions(), Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
			DeliveryRound delivery = new DeliveryRound(jdbc, scheduler, outbox, sink, postgresPort(context));
			List<DeliveryRound.Result> results = new ArrayList<>();
			for (int round = 1; round <= settings.rounds(); round++) {
				DeliveryRound.Result result = delivery.run(round, settings);
				results.add(result);
				System.out.println(result.line());
			}
			System.out.println();
			System.out.println(DeliveryRound.Result.table(results));
		}
		finally {
			TestMailConfiguration.mail().stop();
		}
	}

	private static ConfigurableApplicationContext boot(Settings settings, int port) {
		return new SpringApplicationBuilder(Paperboy.class, TestDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			// The test configuration brings GreenMail's sender; this one, the primary,
			// points at the sink.
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("sinkMailSender",
					JavaMailSenderImpl.class, () -> LoopbackSmtp.sender(port), (bean) -> bean.setPrimary(true)))
			// As arguments, which take precedence over the test profile's settings (no
			// outbox workers there).
			.run("--logging.level.root=WARN", "--paperboy.scheduling.enabled=false",
					"--paperboy.matching.embeddings.enabled=false", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + port, "--paperboy.digest.page-size=" + settings.page(),
					"--paperboy.delivery.outbox.workers=" + settings.workers(),
					"--paperboy.delivery.outbox.batch-size=" + settings.batch());
	}

	private static int postgresPort(ConfigurableApplicationContext context) throws SQLException {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			Matcher port = Pattern.compile(":(\\d+)/").matcher(connection.getMetaData().getURL());
			return port.find() ? Integer.parseInt(port.group(1)) : -1;
		}
	}

	// The 1, 5 and 15 minute load averages, where the system tells them.
	static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (java.io.IOException ex) {
			return "n/a";
		}
	}

	/**
	 * What to run, from {@code -Dbench.*} system properties.
	 *
	 * @param papers new papers to match
	 * @param subscribers subscribers, all due
	 * @param page subscribers composed per transaction
	 * @param workers outbox workers (SMTP connections)
	 * @param sessions the raw blast's parallel sessions
	 * @param batch digests a worker claims at once
	 * @param rounds rounds
	 * @param blast messages in the raw blast
	 * @param sink the smtp-sink program
	 * @param source the smtp-source program
	 * @param timeout the longest a round's sending may take
	 */
	record Settings(int papers, int subscribers, int page, int workers, int sessions, int batch, int rounds, int blast,
			String sink, String source, Duration timeout) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("bench.papers", 500),
					Integer.getInteger("bench.subscribers", 100_000), Integer.getInteger("bench.page", 500),
					Integer.getInteger("bench.workers", 3), Integer.getInteger("bench.sessions", 8),
					Integer.getInteger("bench.batch", 500), Integer.getInteger("bench.rounds", 3),
					Integer.getInteger("bench.blast", 20_000), System.getProperty("bench.sink", "/usr/sbin/smtp-sink"),
					System.getProperty("bench.source", "/usr/sbin/smtp-source"),
					Duration.ofSeconds(Long.getLong("bench.timeout", 1800)));
		}

	}

}
