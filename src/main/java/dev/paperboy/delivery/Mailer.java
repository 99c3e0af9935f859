package dev.paperboy.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The one component that sends mail: multipart text and HTML, the configured sender,
 * checked headers, signed with DKIM when configured, and never to a suppressed address.
 */
@Service
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final Suppressions suppressions;

	private final DeliveryProperties properties;

	private final DkimSigner dkim;

	Mailer(ObjectProvider<JavaMailSender> sender, Suppressions suppressions, DeliveryProperties properties,
			DkimSigner dkim) {
		this.sender = sender.getIfAvailable(() -> {
			throw new IllegalStateException("No SMTP server is configured: set spring.mail.host (and spring.mail.port, "
					+ "spring.mail.username, spring.mail.password as needed). Only the embedded mode, without a "
					+ "datasource URL, brings its own.");
		});
		this.suppressions = suppressions;
		this.properties = properties;
		this.dkim = dkim;
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
		this.sender.send(this.dkim.sign(message(this.sender.createMimeMessage().getSession(), mail)));
		return true;
	}

	/**
	 * Builds a message as {@link #send} would send it, before signing.
	 * @param session the mail session
	 * @param mail the message
	 * @return the MIME message
	 */
	MimeMessage message(Session session, OutgoingMail mail) {
		MimeMessage message = new IdentifiedMimeMessage(session, mail.messageId());
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from(), this.properties.fromName());
			if (this.properties.replyTo() != null) {
				helper.setReplyTo(this.properties.replyTo());
			}
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			for (var header : mail.headers().entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("Cannot build the message: " + ex.getMessage(), ex);
		}
		return message;
	}

	/** A message that keeps the Message-ID it was given instead of generating one. */
	private static final class IdentifiedMimeMessage extends MimeMessage {

		private final @Nullable String messageId;

		IdentifiedMimeMessage(Session session, @Nullable String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (this.messageId != null) {
				setHeader("Message-ID", "<" + this.messageId + ">");
			}
			else {
				super.updateMessageID();
			}
		}

	}

}
