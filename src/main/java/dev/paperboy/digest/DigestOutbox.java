package dev.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.SmtpSession;
import dev.paperboy.delivery.SmtpSessions;
import dev.paperboy.papers.Paper;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Each worker claims a batch of ready digests ({@code for update skip
 * locked}, so workers and instances never share one), sends them one after the other over
 * one SMTP connection, and records each outcome the moment the server answers: a digest
 * is marked sent right after acceptance, so a crash repeats at most the messages in
 * flight. Temporary failures (4xx, a dropped connection) retry with exponential backoff
 * and jitter; permanent ones (5xx) fail the digest and count as a bounce. When the server
 * cannot be reached, the batch goes back untouched and the worker waits longer each time,
 * so an outage of hours loses nothing and the queue drains when the server returns. A
 * digest whose worker died is sent again after its lease, with the same Message-ID; a
 * worker whose lease ran out while it was stalled records nothing more for the digests
 * another worker has claimed since. On shutdown workers finish the message in hand and
 * give the rest back.
 */
@Component
class DigestOutbox implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DigestOutbox.class);

	private final Digests digests;

	private final DigestRenderer renderer;

	private final SmtpSessions smtp;

	private final SubscriptionService subscriptions;

	private final DigestProperties.Outbox properties;

	private final Pacer pacer;

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	DigestOutbox(Digests digests, DigestRenderer renderer, SmtpSessions smtp, SubscriptionService subscriptions,
			DigestProperties properties) {
		this.digests = digests;
		this.renderer = renderer;
		this.smtp = smtp;
		this.subscriptions = subscriptions;
		this.properties = properties.outbox();
		this.pacer = new Pacer(this.properties.ratePerSecond(), this.properties.ratePerHour());
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 0; i < this.properties.workers(); i++) {
			this.workers.add(Thread.ofPlatform().name("digest-outbox-" + (i + 1)).daemon().start(this::work));
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

	private void work() {
		Duration unreachable = Duration.ZERO;
		while (this.running) {
			try {
				// A spent hourly budget: wait for it here, holding no claims.
				long budget = this.pacer.delay();
				if (budget > TimeUnit.SECONDS.toNanos(1)) {
					sleep(Duration.ofNanos(Math.min(budget, TimeUnit.MINUTES.toNanos(1))));
					continue;
				}
				// The lease runs from when the claim began, on the database's clock:
				// timed from here, a slow claim or a pause cannot eat into it unseen.
				long claimed = System.nanoTime();
				Digests.Claim batch = this.digests.claim(this.properties.batchSize(), this.properties.lease());
				if (batch.ids().isEmpty()) {
					claimed = System.nanoTime();
					batch = this.digests.claimExpired(this.properties.batchSize(), this.properties.lease());
				}
				if (batch.ids().isEmpty()) {
					sleep(this.properties.idle());
					continue;
				}
				if (send(batch.ids(), batch.leaseUntil(), claimed)) {
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
				// The database may be away for a moment; claimed digests come back after
				// their lease.
				log.warn("Digest outbox: {}", ex.toString());
				sleep(Duration.ofSeconds(5));
			}
		}
	}

	/**
	 * Sends a claimed batch over one connection.
	 * @param batch the digests
	 * @param lease their lease: the outcomes are recorded only for those still under it
	 * @param claimed when the claim began ({@link System#nanoTime()})
	 * @return false when the SMTP server could not be reached at all
	 */
	boolean send(List<Long> batch, Instant lease, long claimed) {
		Set<Long> pending = new HashSet<>(batch);
		try {
			List<Digests.Outgoing> outgoing = this.digests.outgoing(batch);
			Map<Long, Subscriber> subscribers = new java.util.HashMap<>();
			for (Subscriber subscriber : this.subscriptions
				.find(outgoing.stream().map(Digests.Outgoing::subscriberId).toList())) {
				subscribers.put(subscriber.id(), subscriber);
			}
			// Checked once for the batch: an address suppressed while it is sent gets no
			// more mail from the next batch on.
			Set<String> suppressed = this.smtp
				.suppressed(subscribers.values().stream().map(Subscriber::email).toList());
			Map<Long, Paper> papers = this.renderer.papers(outgoing.stream()
				.flatMap((digest) -> digest.papers().stream())
				.map(Digests.Composed.Pick::paperId)
				.distinct()
				.toList());
			SmtpSession session = null;
			try {
				for (Digests.Outgoing digest : outgoing) {
					if (!this.running) {
						break;
					}
					Subscriber subscriber = subscribers.get(digest.subscriberId());
					if (subscriber == null || subscriber.status() != Subscriber.Status.ACTIVE) {
						this.digests.end(digest.id(), lease, "SKIPPED", "the subscriber is no longer active");
						pending.remove(digest.id());
						continue;
					}
					if (suppressed.contains(subscriber.email())) {
						this.digests.end(digest.id(), lease, "SUPPRESSED", "the recipient is suppressed");
						pending.remove(digest.id());
						continue;
					}
					OutgoingMail mail;
					try {
						mail = this.renderer.mail(digest.id(), this.renderer.view(digest.id(), subscriber,
								DigestRenderer.date(digest, subscriber), digest.trending(), digest.papers(), papers));
					}
					catch (RuntimeException ex) {
						// A digest that cannot be rendered never will be: fail it, not
						// the batch.
						log.warn("Digest {} cannot be rendered: {}", digest.id(), ex.toString());
						this.digests.end(digest.id(), lease, "FAILED", "cannot be rendered: " + ex.getMessage());
						pending.remove(digest.id());
						continue;
					}
					if (session == null) {
						try {
							session = this.smtp.open();
						}
						catch (MessagingException ex) {
							log.warn("SMTP server unreachable, {} digests wait: {}", pending.size(), ex.getMessage());
							return false;
						}
					}
					// Start a message only with half the lease left for it and its
					// record: a slow server or a spent hourly budget gives the rest of
					// the batch back.
					long half = this.properties.lease().toNanos() / 2;
					if (!this.pacer.acquire(half / 2) || System.nanoTime() - claimed > half) {
						break;
					}
					SmtpSession.Outcome outcome = session.sendUnsuppressed(mail);
					pending.remove(digest.id());
					record(digest, lease, outcome);
					if (broken(session, outcome)) {
						session.close();
						session = null;
					}
				}
			}
			finally {
				if (session != null) {
					session.close();
				}
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
		finally {
			// Whatever was claimed and not sent goes back, the attempt not counted.
			this.digests.release(pending, lease, Instant.now());
		}
	}

	private void record(Digests.Outgoing digest, Instant lease, SmtpSession.Outcome outcome) {
		switch (outcome.status()) {
			case SENT -> this.digests.sent(digest.id(), lease);
			case SUPPRESSED -> this.digests.end(digest.id(), lease, "SUPPRESSED", outcome.detail());
			case PERMANENT -> this.digests.end(digest.id(), lease, "FAILED", outcome.code() + " " + outcome.detail());
			// A message that could not be built waits too: a DKIM key being fixed, say.
			case TRANSIENT, CONNECTION, UNSENDABLE -> {
				String error = ((outcome.code() > 0) ? outcome.code() + " " : "") + outcome.detail();
				if (digest.attempts() >= this.properties.maxAttempts()) {
					this.digests.end(digest.id(), lease, "FAILED",
							"gave up after " + digest.attempts() + " attempts: " + error);
				}
				else {
					this.digests.retry(digest.id(), lease, Instant.now().plus(backoff(digest.attempts())), error);
				}
			}
		}
	}

	// A failed connection is broken; after a refusal the server may have hung up too
	// (421 closes the channel), which only asking tells.
	private static boolean broken(SmtpSession session, SmtpSession.Outcome outcome) {
		return switch (outcome.status()) {
			case SENT, SUPPRESSED, UNSENDABLE -> false;
			case CONNECTION -> true;
			case TRANSIENT, PERMANENT -> !session.isConnected();
		};
	}

	// initial * 2^(attempts-1), capped, with full jitter in [50%, 100%].
	Duration backoff(int attempts) {
		long initial = this.properties.initialBackoff().toMillis();
		long cap = this.properties.maxBackoff().toMillis();
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

	/**
	 * Messages per second and per hour at most, for this instance: spaces messages
	 * evenly, and waits for the hour's window when its budget is spent.
	 */
	static final class Pacer {

		private final long intervalNanos;

		private final long perHour;

		private long next = System.nanoTime();

		private long windowStart = System.nanoTime();

		private long inWindow;

		Pacer(double perSecond, long perHour) {
			this.intervalNanos = (perSecond > 0) ? (long) (1_000_000_000L / perSecond) : 0;
			this.perHour = perHour;
		}

		/**
		 * @return how long until the next slot, in nanoseconds (0: now)
		 */
		synchronized long delay() {
			long now = System.nanoTime();
			long at = Math.max(now, this.next);
			if (this.perHour > 0 && this.inWindow >= this.perHour
					&& now - this.windowStart < TimeUnit.HOURS.toNanos(1)) {
				at = Math.max(at, this.windowStart + TimeUnit.HOURS.toNanos(1));
			}
			return at - now;
		}

		/**
		 * Takes the next sending slot, waiting for it when it is near.
		 * @param maxWaitNanos the longest wait accepted
		 * @return false, taking nothing, when the next slot is further away than that
		 */
		boolean acquire(long maxWaitNanos) throws InterruptedException {
			long wait;
			synchronized (this) {
				long now = System.nanoTime();
				long hour = TimeUnit.HOURS.toNanos(1);
				if (this.perHour > 0 && now - this.windowStart >= hour) {
					this.windowStart = now;
					this.inWindow = 0;
				}
				long at = Math.max(now, this.next);
				if (this.perHour > 0 && this.inWindow >= this.perHour) {
					at = Math.max(at, this.windowStart + hour);
				}
				wait = at - now;
				if (wait > maxWaitNanos) {
					return false;
				}
				if (this.perHour > 0 && this.inWindow >= this.perHour) {
					this.windowStart = at;
					this.inWindow = 0;
				}
				if (this.perHour > 0) {
					this.inWindow++;
				}
				this.next = at + this.intervalNanos;
			}
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			return true;
		}

	}

}
