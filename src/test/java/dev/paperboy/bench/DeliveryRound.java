package dev.paperboy.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.paperboy.digest.DigestScheduler;

import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One round of the delivery benchmark: every subscriber due, the scheduler composes (the
 * outbox stopped), the outbox sends until nothing is left, then the raw blasts of the
 * same size into the same sink.
 */
final class DeliveryRound {

	private final JdbcClient jdbc;

	private final DigestScheduler scheduler;

	private final Lifecycle outbox;

	private final SmtpSink sink;

	private final int postgresPort;

	DeliveryRound(JdbcClient jdbc, DigestScheduler scheduler, Lifecycle outbox, SmtpSink sink, int postgresPort) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.outbox = outbox;
		this.sink = sink;
		this.postgresPort = postgresPort;
	}

	Result run(int round, DeliveryBenchmark.Settings settings) throws Exception {
		this.jdbc.sql("truncate digest_paper, digest").update();
		this.jdbc.sql("update digest_schedule set next_due_at = now() - interval '1 minute'").update();
		this.jdbc.sql("vacuum analyze digest_schedule").update();
		System.gc();
		String load = DeliveryBenchmark.load();
		HeapWatch heap = new HeapWatch();
		long sinkMessages = this.sink.messages();
		long sinkBytes = this.sink.bytesRead();
		Instant composing = Instant.now();
		long started = System.nanoTime();
		Cpu beforeCompose = cpu();
		DigestScheduler.Run run = this.scheduler.run();
		long composed = System.nanoTime();
		Cpu beforeSend = cpu();
		Instant sending = Instant.now();
		this.outbox.start();
		Sent sent = awaitSent(settings.timeout());
		this.outbox.stop();
		Cpu afterSend = cpu();
		heap.stop();
		long accepted = this.sink.messages() - sinkMessages;
		long bytes = this.sink.bytesRead() - sinkBytes;
		int size = (bytes > 0 && accepted > 0) ? (int) (bytes / accepted) : Integer.getInteger("bench.size", 50_000);
		// smtp-source adds its own headers and commands: subtract them, measured.
		long before = this.sink.bytesRead();
		this.sink.blast(100, 1, 1000, true);
		int overhead = (before >= 0) ? (int) ((this.sink.bytesRead() - before) / 100 - 1000) : 0;
		int length = Math.max(1, size - overhead);
		long reused = this.sink.blast(settings.blast(), settings.sessions(), length, true);
		long connecting = this.sink.blast(settings.blast(), settings.sessions(), length, false);
		Pipelined pipelined = pipelined(settings);
		return new Result(round, load, run.queued(), run.skipped(), sent.sent(), sent.failed(), sent.retried(),
				accepted, composed - started, Duration.between(sending, sent.last()).toNanos(),
				Duration.between(composing, sent.last()).toNanos(), beforeSend.minus(beforeCompose),
				afterSend.minus(beforeSend), heap.peak(), size, settings.blast(), reused, connecting, pipelined);
	}

	// The same run as the service does it: the workers send while the scheduler composes.
	private Pipelined pipelined(DeliveryBenchmark.Settings settings) throws Exception {
		this.jdbc.sql("truncate digest_paper, digest").update();
		this.jdbc.sql("update digest_schedule set next_due_at = now() - interval '1 minute'").update();
		this.jdbc.sql("vacuum analyze digest_schedule").update();
		System.gc();
		HeapWatch heap = new HeapWatch();
		long sinkMessages = this.sink.messages();
		Instant started = Instant.now();
		this.outbox.start();
		DigestScheduler.Run run = this.scheduler.run();
		Sent sent = awaitSent(settings.timeout());
		this.outbox.stop();
		heap.stop();
		return new Pipelined(run.queued(), sent.sent(), this.sink.messages() - sinkMessages,
				Duration.between(started, sent.last()).toNanos(), heap.peak(), sent.retried());
	}

	/**
	 * A run with the workers sending while the scheduler composes.
	 *
	 * @param queued digests composed
	 * @param sent digests marked sent
	 * @param accepted messages the sink counted
	 * @param endToEnd from the start to the last digest marked sent, nanoseconds
	 * @param heap used heap's high-water mark, bytes
	 * @param retried digests sent in more than one attempt
	 */
	record Pipelined(int queued, long sent, long accepted, long endToEnd, long heap, long retried) {

		double rate() {
			return this.queued / (this.endToEnd / 1e9);
		}

	}

	private Cpu cpu() {
		return new Cpu(ProcessCpu.jvm(), ProcessCpu.postgres(this.postgresPort), this.sink.cpu());
	}

	// Polls until no digest is waiting or being sent; the end is the last one's sent_at.
	private Sent awaitSent(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Sent sent = this.jdbc.sql("""
					select count(*) filter (where status in ('QUEUED', 'SENDING', 'RETRY')),
					       count(*) filter (where status = 'SENT'),
					       count(*) filter (where status in ('FAILED', 'SUPPRESSED')), max(sent_at),
					       count(*) filter (where attempts > 1)
					from digest
					""").query((rs, n) -> {
				Timestamp last = rs.getTimestamp(4);
				return new Sent(rs.getLong(1), rs.getLong(2), rs.getLong(3), (last != null) ? last.toInstant() : null,
						rs.getLong(5));
			}).single();
			if (sent.open() == 0 && sent.last() != null) {
				return sent;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not sent within " + timeout + ": " + sent);
			}
			Thread.sleep(500);
		}
	}

	// retried: digests that took more than one attempt (the outbox backed off: a
	// connection refused, a timeout)
	private record Sent(long open, long sent, long failed, Instant last, long retried) {

	}

	/**
	 * CPU time, nanoseconds; -1 where unknown.
	 *
	 * @param jvm this JVM
	 * @param postgres the PostgreSQL server
	 * @param sink the SMTP sink
	 */
	record Cpu(long jvm, long postgres, long sink) {

		Cpu minus(Cpu earlier) {
			return new Cpu(this.jvm - earlier.jvm, difference(this.postgres, earlier.postgres),
					difference(this.sink, earlier.sink));
		}

		private static long difference(long later, long earlier) {
			return (later < 0 || earlier < 0) ? -1 : later - earlier;
		}

		String perDigest(int digests, boolean withSink) {
			String figures = String.format(Locale.ROOT, "%.2f + %.2f", this.jvm / 1e6 / digests,
					this.postgres / 1e6 / digests);
			return withSink ? figures + String.format(Locale.ROOT, " + %.2f", this.sink / 1e6 / digests) : figures;
		}

	}

	/**
	 * A round's figures; times in nanoseconds.
	 *
	 * @param round the round
	 * @param load the load averages when it began
	 * @param queued digests composed to send
	 * @param skipped subscribers with nothing to send
	 * @param sent digests marked sent
	 * @param failed digests failed or suppressed
	 * @param retried digests sent in more than one attempt
	 * @param accepted messages the sink counted
	 * @param compose the scheduler run (match and compose)
	 * @param send from starting the outbox to the last digest marked sent
	 * @param endToEnd from starting the scheduler to the last digest marked sent
	 * @param composeCpu CPU time while composing
	 * @param sendCpu CPU time while sending
	 * @param heap used heap's high-water mark, bytes
	 * @param size bytes the sink read per digest
	 * @param blast messages in each raw blast
	 * @param reused the raw blast over one connection per session
	 * @param connecting the raw blast with a connection per message
	 * @param pipelined the same run again, composing and sending at once
	 */
	record Result(int round, String load, int queued, int skipped, long sent, long failed, long retried, long accepted,
			long compose, long send, long endToEnd, Cpu composeCpu, Cpu sendCpu, long heap, int size, int blast,
			long reused, long connecting, Pipelined pipelined) {

		double endToEndRate() {
			return this.queued / (this.endToEnd / 1e9);
		}

		double blastRate() {
			return this.blast / (this.reused / 1e9);
		}

		private double rate(long nanos) {
			return this.queued / (nanos / 1e9);
		}

		String line() {
			return String.format(Locale.ROOT,
					"round %d (load %s): %,d digests (%,d skipped), %,d marked sent, %,d failed, %,d in more than one attempt, "
							+ "%,d accepted by the sink; "
							+ "match+compose %.1f s = %,.0f/s; render+send %.1f s = %,.0f/s; end to end %.1f s = %,.0f/s; "
							+ "CPU ms per digest (JVM + PostgreSQL + sink): compose %s, send %s; heap high-water %,d MB; "
							+ "%,d bytes per digest; raw blast %,d in %.1f s = %,.0f/s (a connection per message: %,.0f/s); "
							+ "ratio %.2f; pipelined (sending while composing): %,d digests, %,d marked sent, "
							+ "%,d in more than one attempt, %,d accepted, "
							+ "end to end %.1f s = %,.0f/s, heap high-water %,d MB, ratio %.2f",
					this.round, this.load, this.queued, this.skipped, this.sent, this.failed, this.retried,
					this.accepted, this.compose / 1e9, rate(this.compose), this.send / 1e9, rate(this.send),
					this.endToEnd / 1e9, endToEndRate(), this.composeCpu.perDigest(this.queued, false),
					this.sendCpu.perDigest(this.queued, true), this.heap >> 20, this.size, this.blast,
					this.reused / 1e9, blastRate(), this.blast / (this.connecting / 1e9), endToEndRate() / blastRate(),
					this.pipelined.queued(), this.pipelined.sent(), this.pipelined.retried(), this.pipelined.accepted(),
					this.pipelined.endToEnd() / 1e9, this.pipelined.rate(), this.pipelined.heap() >> 20,
					this.pipelined.rate() / blastRate());
		}

		static String table(List<Result> results) {
			StringBuilder table = new StringBuilder(
					"""
							| round | load (1, 5, 15 min) | digests | match+compose | render+send | end to end, one stage after the other | end to end, sending while composing | CPU ms per digest: compose (JVM + PostgreSQL) | send (JVM + PostgreSQL + sink) | heap high-water | bytes per digest | raw blast | ratio (sending while composing) |
							| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
							""");
			for (Result result : results) {
				table.append(String.format(Locale.ROOT,
						"| %d | %s | %,d | %,.0f/s (%.1f s) | %,.0f/s (%.1f s) | %,.0f/s (%.1f s) | **%,.0f/s** (%.1f s) | %s | %s | %,d MB | %,d | %,.0f/s (%,.0f/s reconnecting) | %.2f (**%.2f**) |%n",
						result.round, result.load, result.queued, result.rate(result.compose), result.compose / 1e9,
						result.rate(result.send), result.send / 1e9, result.endToEndRate(), result.endToEnd / 1e9,
						result.pipelined.rate(), result.pipelined.endToEnd() / 1e9,
						result.composeCpu.perDigest(result.queued, false),
						result.sendCpu.perDigest(result.queued, true),
						Math.max(result.heap, result.pipelined.heap()) >> 20, result.size, result.blastRate(),
						result.blast / (result.connecting / 1e9), result.endToEndRate() / result.blastRate(),
						result.pipelined.rate() / result.blastRate()));
			}
			return table.toString();
		}

	}

}
