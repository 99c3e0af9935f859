package dev.paperboy.delivery.smtp;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.Suppressions;
import dev.paperboy.delivery.bounce.Bounces;
import dev.paperboy.delivery.mime.MimeMessages;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open SMTP connection: messages go out one after the other over it, and each send
 * says what became of the message instead of throwing, so the caller can record it at
 * once. After a {@link Outcome.Status#CONNECTION} outcome the session is broken: close it
 * and open another.
 */
public final class SmtpSession implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

	// Reply codes that say the mailbox itself is bad (RFC 5321 4.2.2): a hard bounce.
	private static final Set<Integer> BAD_MAILBOX = Set.of(550, 551, 553);

	private final Session session;

	private final Transport transport;

	private final MimeMessages messages;

	private final Suppressions suppressions;

	private final Bounces bounces;

	SmtpSession(Session session, Transport transport, MimeMessages messages, Suppressions suppressions,
			Bounces bounces) {
		this.session = session;
		this.transport = transport;
		this.messages = messages;
		this.suppressions = suppressions;
		this.bounces = bounces;
	}

	/**
	 * Sends one message, unless its recipient is suppressed. A permanent refusal of the
	 * mailbox (550, 551, 553) suppresses the address as a hard bounce; other permanent
	 * refusals count as soft bounces.
	 * @param mail the message
	 * @return what happened to it
	 */
	public Outcome send(OutgoingMail mail) {
		if (this.suppressions.isSuppressed(mail.to())) {
			return new Outcome(Outcome.Status.SUPPRESSED, 0, "the recipient is suppressed");
		}
		return sendUnsuppressed(mail);
	}

	/**
	 * Sends one message whose recipient the caller has just checked against the
	 * suppression list ({@link SmtpSessions#suppressed}), for a whole batch in one query.
	 * @param mail the message
	 * @return what happened to it
	 */
	public Outcome sendUnsuppressed(OutgoingMail mail) {
		MimeMessage message;
		try {
			message = this.messages.message(this.session, mail, eightBit());
		}
		catch (RuntimeException ex) {
			// Nothing went out: a message that cannot be built (an unusable address, a
			// DKIM key that does not sign) is refused here, before the server sees it.
			log.warn("A message to be sent cannot be built: {}", ex.toString());
			return new Outcome(Outcome.Status.UNSENDABLE, 0, "cannot be built: " + detail(ex));
		}
		try {
			this.transport.sendMessage(message, message.getAllRecipients());
			return new Outcome(Outcome.Status.SENT, 250, "accepted");
		}
		catch (MessagingException ex) {
			return classify(mail, ex);
		}
		catch (RuntimeException ex) {
			// Not an SMTP answer: nothing is known about the message, and the connection
			// is not to be trusted.
			log.warn("SMTP send failed", ex);
			return new Outcome(Outcome.Status.CONNECTION, 0, detail(ex));
		}
	}

	// Whether the server takes 8-bit bodies (RFC 6152): parts then go as they are, not
	// quoted-printable, when they can. Asked again for every message: after a reconnect
	// the server may be another one.
	private boolean eightBit() {
		return this.transport instanceof SMTPTransport smtp && smtp.supportsExtension("8BITMIME");
	}

	/**
	 * @return whether the connection still looks usable
	 */
	public boolean isConnected() {
		return this.transport.isConnected();
	}

	private Outcome classify(OutgoingMail mail, MessagingException ex) {
		int code = code(ex);
		String detail = detail(ex);
		if (code >= 500 && code < 600) {
			if (BAD_MAILBOX.contains(code)) {
				this.bounces.hardBounce(mail.to(), code + " " + detail);
			}
			else {
				this.bounces.softBounce(mail.to(), code + " " + detail);
			}
			return new Outcome(Outcome.Status.PERMANENT, code, detail);
		}
		if (code >= 400 && code < 500) {
			return new Outcome(Outcome.Status.TRANSIENT, code, detail);
		}
		log.debug("SMTP connection failed", ex);
		return new Outcome(Outcome.Status.CONNECTION, code, detail);
	}

	// The reply code of the first SMTP failure in the exception's causes and nested
	// exceptions (a refused recipient comes nested in a SendFailedException).
	private static int code(Throwable ex) {
		Deque<Throwable> pending = new ArrayDeque<>(List.of(ex));
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		while (!pending.isEmpty()) {
			Throwable next = pending.poll();
			if (!seen.add(next)) {
				continue;
			}
			if (next instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode();
			}
			if (next instanceof SMTPSendFailedException failed) {
				return failed.getReturnCode();
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
		}
		return 0;
	}

	private static String detail(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		message = message.replaceAll("[\\r\\n]+", " ").strip();
		return (message.length() > 300) ? message.substring(0, 300) : message;
	}

	@Override
	public void close() {
		try {
			this.transport.close();
		}
		catch (MessagingException ex) {
			// Closing a broken connection fails too; there is nothing left to do with it.
			log.debug("Closing the SMTP connection failed", ex);
		}
	}

	/**
	 * What became of a message.
	 *
	 * @param status the outcome
	 * @param code the SMTP reply code, 0 when there was none
	 * @param detail the server's words or the error, one line
	 */
	public record Outcome(Status status, int code, String detail) {

		/** Outcomes. */
		public enum Status {

			/** The server accepted it. */
			SENT,

			/** Not sent: the recipient is on the suppression list. */
			SUPPRESSED,

			/** Refused for now (4xx): try again later. */
			TRANSIENT,

			/** Refused for good (5xx): do not try again. */
			PERMANENT,

			/** The connection failed: nothing is known about the message; reconnect. */
			CONNECTION,

			/**
			 * Not sent: the message could not be built (for example DKIM signing failed).
			 * The connection is unaffected; sending it again only helps once the cause is
			 * fixed.
			 */
			UNSENDABLE

		}

	}

}
