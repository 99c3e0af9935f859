package dev.paperboy.delivery.outbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailQueue;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.smtp.SmtpSession;
import dev.paperboy.delivery.smtp.SmtpSessions;
import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * One claimed batch, sent one message after the other over one SMTP connection, each
 * outcome recorded the moment the server answers: a message is marked sent right after
 * acceptance, so a crash repeats at most the messages in flight. Temporary failures (4xx,
 * a dropped connection) retry with exponential backoff and jitter; permanent ones (5xx)
 * fail the message and count as a bounce. Whatever was claimed and not sent goes back.
 */
final class OutboxBatch {

	private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

	private final MailQueue queue;

	private final Instant lease;

	private final long claimed;

	private final List<Long> ids;

	private final Set<Long> pending;

	private final SmtpSessions smtp;

	private final Pacer pacer;

	private final DeliveryProperties.Outbox properties;

	private final BooleanSupplier running;

	private @Nullable SmtpSession session;

	/**
	 * @param queue the messages' queue
	 * @param claim the batch: the outcomes are recorded only for those still under its
	 * lease
	 * @param claimed when the claim began ({@link System#nanoTime()})
	 */
	OutboxBatch(MailQueue queue, MailQueue.Claim claim, long claimed, SmtpSessions smtp, Pacer pacer,
			DeliveryProperties.Outbox properties, BooleanSupplier running) {
		this.queue = queue;
		this.lease = Objects.requireNonNull(claim.leaseUntil());
		this.claimed = claimed;
		this.ids = claim.ids();
		this.pending = new HashSet<>(claim.ids());
		this.smtp = smtp;
		this.pacer = pacer;
		this.properties = properties;
		this.running = running;
	}

	/**
	 * @return false when the SMTP server could not be reached at all
	 */
	boolean send() {
		try {
			List<? extends MailQueue.Message> messages = this.queue.load(this.ids);
			// Checked once for the batch: an address suppressed while it is sent gets no
			// more mail from the next batch on.
			Set<String> suppressed = this.smtp.suppressed(
					messages.stream().filter((m) -> m.skip() == null).map(MailQueue.Message::recipient).toList());
			for (MailQueue.Message message : messages) {
				if (!this.running.getAsBoolean()) {
					break;
				}
				Step step = send(message, suppressed.contains(message.recipient()));
				if (step == Step.UNREACHABLE) {
					return false;
				}
				if (step == Step.STOP) {
					break;
				}
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
		finally {
			if (this.session != null) {
				this.session.close();
			}
			// Whatever was claimed and not sent goes back, the attempt not counted.
			whileLeased(() -> this.queue.release(this.pending, this.lease, Instant.now()));
		}
	}

	private enum Step {

		NEXT, STOP, UNREACHABLE

	}

	private Step send(MailQueue.Message message, boolean suppressed) throws InterruptedException {
		String skip = message.skip();
		if (skip != null || suppressed) {
			end(message.id(), (skip != null) ? MailQueue.Ending.SKIPPED : MailQueue.Ending.SUPPRESSED,
					(skip != null) ? skip : "the recipient is suppressed");
			return Step.NEXT;
		}
		OutgoingMail mail;
		try {
			mail = message.render();
		}
		catch (RuntimeException ex) {
			// A message that cannot be rendered never will be: fail it, not the batch.
			log.warn("Message {} of the {} cannot be rendered: {}", message.id(), this.queue.name(), ex.toString());
			end(message.id(), MailQueue.Ending.FAILED, "cannot be rendered: " + ex.getMessage());
			return Step.NEXT;
		}
		SmtpSession session = this.session;
		if (session == null) {
			try {
				session = this.smtp.open();
				this.session = session;
			}
			catch (MessagingException ex) {
				log.warn("SMTP server unreachable, {} {} wait: {}", this.pending.size(), this.queue.name(),
						ex.getMessage());
				return Step.UNREACHABLE;
			}
		}
		// Start a message only with half the lease left for it and its record: a slow
		// server or a spent hourly budget gives the rest of the batch back.
		long half = this.properties.lease().toNanos() / 2;
		if (!this.pacer.acquire(half / 2) || System.nanoTime() - this.claimed > half || !this.running.getAsBoolean()) {
			// (or a stop came while waiting for the slot)
			return Step.STOP;
		}
		SmtpSession.Outcome outcome = session.sendUnsuppressed(mail);
		this.pending.remove(message.id());
		whileLeased(() -> record(message, outcome));
		if (broken(session, outcome)) {
			session.close();
			this.session = null;
		}
		return Step.NEXT;
	}

	private void end(long id, MailQueue.Ending ending, String error) {
		whileLeased(() -> this.queue.end(id, this.lease, ending, error));
		this.pending.remove(id);
	}

	// A write while the database is away (restarting, failing over, its network down):
	// tried again every second while the batch's lease lasts, so that a message just sent
	// is recorded (not sent again once the lease is over) and the rest of the batch goes
	// back the moment the database returns, instead of waiting out the lease. The
	// instance
	// is alive, so its heartbeat would not give them back. Errors that are not the
	// database being away fail at once.
	private void whileLeased(Runnable write) {
		boolean told = false;
		while (true) {
			try {
				write.run();
				return;
			}
			catch (DataAccessResourceFailureException | TransientDataAccessException
					| RecoverableDataAccessException ex) {
				if (!Instant.now().isBefore(this.lease)) {
					throw ex;
				}
				if (!told) {
					log.warn("Outbox: the database is away ({}); the {} batch tries again every second while its "
							+ "lease lasts", ex.getClass().getSimpleName(), this.queue.name());
					told = true;
				}
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private void record(MailQueue.Message message, SmtpSession.Outcome outcome) {
		long id = message.id();
		switch (outcome.status()) {
			case SENT -> this.queue.sent(id, this.lease);
			case SUPPRESSED -> this.queue.end(id, this.lease, MailQueue.Ending.SUPPRESSED, outcome.detail());
			case PERMANENT ->
				this.queue.end(id, this.lease, MailQueue.Ending.FAILED, outcome.code() + " " + outcome.detail());
			// A message that could not be built waits too: a DKIM key being fixed, say.
			case TRANSIENT, CONNECTION, UNSENDABLE -> {
				String error = ((outcome.code() > 0) ? outcome.code() + " " : "") + outcome.detail();
				int attempts = message.attempts();
				if (attempts >= this.properties.maxAttempts()) {
					this.queue.end(id, this.lease, MailQueue.Ending.FAILED,
							"gave up after " + attempts + " attempts: " + error);
				}
				else {
					this.queue.retry(id, this.lease,
							Instant.now().plus(OutboxWorkers.backoff(this.properties, attempts)), error);
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

}
