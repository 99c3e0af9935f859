package dev.paperboy.delivery.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailQueue;
import dev.paperboy.delivery.SendingSwitch;
import dev.paperboy.delivery.smtp.SmtpSessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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

	// The longest a stop waits for the messages in hand: above the SMTP timeouts of one
	// message (connect 10 s, then 30 s at most per read or write).
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private final List<Thread> workers = new CopyOnWriteArrayList<>();

	// Sleeping workers and the pacer wait on it; a stop wakes them.
	private final Object wake = new Object();

	// Batches in hand; a stop waits until none is left.
	private final AtomicInteger active = new AtomicInteger();

	// Claiming: false from the moment the service begins to shut down.
	private volatile boolean running;

	// Started and not yet stopped: the lifecycle stops (and waits for) only a running
	// bean.
	private volatile boolean started;

	OutboxWorkers(ObjectProvider<MailQueue> queues, SmtpSessions smtp, DeliveryProperties properties,
			SendingSwitch sending) {
		this.queues = queues;
		this.sending = sending;
		this.smtp = smtp;
		this.properties = properties.outbox();
		this.pacer = new Pacer(this.properties.ratePerSecond(), this.properties.ratePerHour(),
				(nanos) -> pause(Duration.ofNanos(nanos)));
	}

	@Override
	public synchronized void start() {
		synchronized (this.wake) {
			this.running = true;
		}
		this.started = true;
		for (int i = 0; i < this.properties.workers(); i++) {
			this.workers.add(Thread.ofPlatform().name("outbox-" + (i + 1)).daemon().start(this::work));
		}
	}

	/**
	 * Stops claiming, lets every batch in hand (the workers' and the one-off emails sent
	 * at once) finish its current message and record it, and waits until each has given
	 * the rest of its claim back. Nothing is interrupted: an interrupt could land between
	 * the server's acceptance and its record, and the message would go twice.
	 */
	@Override
	public synchronized void stop() {
		halt();
		long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
		try {
			for (Thread worker : this.workers) {
				worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			}
			synchronized (this.active) {
				while (this.active.get() > 0 && deadline - System.nanoTime() > 0) {
					this.active.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.active.get() > 0) {
			log.warn("Outbox: {} batches still sending after {}; their messages go again after their lease",
					this.active.get(), STOP_TIMEOUT);
		}
		else if (!this.workers.isEmpty()) {
			log.info("Outbox stopped: the messages in hand recorded, the rest given back");
		}
		this.workers.clear();
		this.started = false;
	}

	/**
	 * The service is shutting down: stop claiming at once, before the lifecycle's stop
	 * (which waits for the batches in hand) comes to the outbox's phase.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		halt();
	}

	private void halt() {
		synchronized (this.wake) {
			this.running = false;
			this.wake.notifyAll();
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	// Stops before the web server and the database pool go away.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	/**
	 * Claims and sends messages outside the workers' loop (a one-off email right after
	 * its transaction committed), with the same lease, pacing and outcomes, and a stop
	 * waits for them as for the workers' batches. Nothing is claimed once stopping.
	 * @param queue their queue
	 * @param claiming claims them
	 */
	void send(MailQueue queue, Supplier<MailQueue.Claim> claiming) {
		if (!enter()) {
			return;
		}
		try {
			long claimed = System.nanoTime();
			MailQueue.Claim claim = claiming.get();
			Instant lease = claim.leaseUntil();
			if (this.sending.paused() && lease != null) {
				// claimed just now, given back at once: a worker sends it after the
				// resume
				queue.release(claim.ids(), lease, Instant.now());
				return;
			}
			if (!claim.ids().isEmpty()) {
				batch(queue, claim, claimed).send();
			}
		}
		finally {
			exit();
		}
	}

	// Counts a batch in hand, unless stopping: checked under the lock a stop takes, so a
	// stop never misses a batch that began.
	private boolean enter() {
		synchronized (this.wake) {
			if (!this.running) {
				return false;
			}
			this.active.incrementAndGet();
			return true;
		}
	}

	private void exit() {
		synchronized (this.active) {
			this.active.decrementAndGet();
			this.active.notifyAll();
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
				if (!enter()) {
					break;
				}
				OutboxBatch batch = null;
				boolean reached = true;
				try {
					batch = claim(queues);
					if (batch != null) {
						reached = batch.send();
					}
				}
				finally {
					exit();
				}
				if (batch == null) {
					sleep(this.properties.idle());
				}
				else if (reached) {
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
			pause(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// Waits, unless stopping; a stop ends the wait.
	private void pause(Duration duration) throws InterruptedException {
		long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(duration.toNanos()));
		synchronized (this.wake) {
			if (this.running) {
				this.wake.wait(millis);
			}
		}
	}

}
