package dev.paperboy.delivery.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailQueue;
import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.delivery.smtp.SmtpSessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends every {@link MailQueue}: each worker claims a batch of ready messages from the
 * first queue that has some (one-off emails before digests), sends them over one SMTP
 * connection ({@link OutboxBatch}), and otherwise takes over messages whose worker's
 * lease ran out. When the SMTP server cannot be reached, the batch goes back untouched
 * and the worker waits longer each time, so an outage of hours loses nothing and the
 * queues drain when the server returns. On shutdown workers finish the message in hand
 * and give the rest back. While the {@link SendingSwitch} says paused, workers claim
 * nothing and a batch in hand goes back after its current message. Public for the tests
 * and the benchmark, which stop and start the workers.
 */
@Component
public class OutboxWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

	// How often a paused worker looks at the switch again (the switch reads the database
	// at most every two seconds).
	private static final Duration PAUSED_POLL = Duration.ofMillis(500);

	private final ObjectProvider<MailQueue> queues;

	private final SmtpSessions smtp;

	private final DeliveryProperties.Outbox properties;

	private final Pacer pacer;

	private final SendingSwitch sending;

	private final List<Thread> workers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	OutboxWorkers(ObjectProvider<MailQueue> queues, SmtpSessions smtp, DeliveryProperties properties,
			SendingSwitch sending) {
		this.queues = queues;
		this.sending = sending;
		this.smtp = smtp;
		this.properties = properties.outbox();
		this.pacer = new Pacer(this.properties.ratePerSecond(), this.properties.ratePerHour());
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 0; i < this.properties.workers(); i++) {
			this.workers.add(Thread.ofPlatform().name("outbox-" + (i + 1)).daemon().start(this::work));
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		for (Thread worker : this.workers) {
			worker.interrupt();
		}
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops before the web server and the database pool go away.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	/**
	 * Sends messages claimed outside the workers' loop (a one-off email right after its
	 * transaction committed), with the same lease, pacing and outcomes.
	 * @param queue their queue
	 * @param claim the claim
	 * @param claimed when the claim began ({@link System#nanoTime()})
	 */
	void send(MailQueue queue, MailQueue.Claim claim, long claimed) {
		Instant lease = claim.leaseUntil();
		if (this.sending.paused() && lease != null) {
			// claimed just now, given back at once: a worker sends it after the resume
			queue.release(claim.ids(), lease, Instant.now());
			return;
		}
		if (!claim.ids().isEmpty()) {
			batch(queue, claim, claimed).send();
		}
	}

	private OutboxBatch batch(MailQueue queue, MailQueue.Claim claim, long claimed) {
		return new OutboxBatch(queue, claim, claimed, this.smtp, this.pacer, this.properties,
				() -> this.running && !this.sending.paused());
	}

	private void work() {
		Duration unreachable = Duration.ZERO;
		List<MailQueue> queues = this.queues.orderedStream().toList();
		while (this.running) {
			try {
				if (this.sending.paused()) {
					sleep(PAUSED_POLL);
					continue;
				}
				// A spent hourly budget: wait for it here, holding no claims.
				long budget = this.pacer.delay();
				if (budget > TimeUnit.SECONDS.toNanos(1)) {
					sleep(Duration.ofNanos(Math.min(budget, TimeUnit.MINUTES.toNanos(1))));
					continue;
				}
				OutboxBatch batch = claim(queues);
				if (batch == null) {
					sleep(this.properties.idle());
					continue;
				}
				if (batch.send()) {
					unreachable = Duration.ZERO;
				}
				else {
					// Nothing could be sent: wait longer each time, up to the longest
					// backoff.
					unreachable = unreachable.isZero() ? Duration.ofSeconds(1)
							: min(unreachable.multipliedBy(2), this.properties.maxBackoff());
					sleep(unreachable);
				}
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment; claimed messages come back after
				// their lease.
				log.warn("Outbox: {}", ex.toString());
				sleep(Duration.ofSeconds(5));
			}
		}
	}

	// The first queue with ready messages, else the first with expired leases. The lease
	// runs from when the claim began, on the database's clock: timed from here, a slow
	// claim or a pause cannot eat into it unseen.
	private @Nullable OutboxBatch claim(List<MailQueue> queues) {
		for (MailQueue queue : queues) {
			long claimed = System.nanoTime();
			MailQueue.Claim claim = queue.claim(this.properties.batchSize(), this.properties.lease());
			if (!claim.ids().isEmpty()) {
				return batch(queue, claim, claimed);
			}
		}
		for (MailQueue queue : queues) {
			long claimed = System.nanoTime();
			MailQueue.Claim claim = queue.claimExpired(this.properties.batchSize(), this.properties.lease());
			if (!claim.ids().isEmpty()) {
				return batch(queue, claim, claimed);
			}
		}
		return null;
	}

	// initial * 2^(attempts-1), capped, with full jitter in [50%, 100%].
	static Duration backoff(DeliveryProperties.Outbox properties, int attempts) {
		long initial = properties.initialBackoff().toMillis();
		long cap = properties.maxBackoff().toMillis();
		long exponential = (attempts >= 31) ? cap : Math.min(cap, initial << Math.max(0, attempts - 1));
		long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
