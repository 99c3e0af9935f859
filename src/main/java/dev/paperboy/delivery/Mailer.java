package dev.paperboy.delivery;

import dev.paperboy.delivery.mime.MimeMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends one message at once, outside the outbox (an operator's test digest): multipart
 * text and HTML, the configured sender, checked headers, signed with DKIM when
 * configured, and never to a suppressed address.
 */
@Service
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final Suppressions suppressions;

	private final MimeMessages messages;

	Mailer(ObjectProvider<JavaMailSender> sender, Suppressions suppressions, MimeMessages messages) {
		this.sender = sender.getIfAvailable(() -> {
			throw new IllegalStateException("No SMTP server is configured: set spring.mail.host (and spring.mail.port, "
					+ "spring.mail.username, spring.mail.password as needed). Only the embedded mode, without a "
					+ "datasource URL, brings its own.");
		});
		this.suppressions = suppressions;
		this.messages = messages;
	}

	/**
	 * Sends a message, unless its recipient is suppressed.
	 * @param mail the message
	 * @return whether it was handed to the SMTP server
	 * @throws MailException when the SMTP server refuses it or cannot be reached
	 */
	public boolean send(OutgoingMail mail) {
		if (this.suppressions.isSuppressed(mail.to())) {
			log.info("Not sending '{}': the recipient is suppressed", mail.subject());
			return false;
		}
		this.sender.send(this.messages.message(this.sender.createMimeMessage().getSession(), mail));
		return true;
	}

}
