package dev.paperboy.delivery;

import java.time.Instant;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
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

	private final MimeWriter writer;

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
		this.writer = new MimeWriter(properties.from(), properties.fromName(), properties.replyTo());
		pinStreamProvider();
	}

	// Jakarta Mail 2.1 looks up its stream provider with a ServiceLoader scan of
	// the class path for every part it creates, encodes or writes (see
	// jakartaee/mail-api#699 and #861), several times per message; named in its
	// system property, the lookup is one class by name. The name is the provider
	// that scan finds.
	private static void pinStreamProvider() {
		String property = StreamProvider.class.getName();
		if (System.getProperty(property) == null) {
			System.setProperty(property, StreamProvider.provider().getClass().getName());
		}
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
		this.sender.send(message(this.sender.createMimeMessage().getSession(), mail));
		return true;
	}

	/**
	 * The message as {@link #send} sends it: written ({@link MimeWriter}), then signed
	 * when DKIM is configured.
	 * @param session the mail session
	 * @param mail the message
	 * @return the message, final
	 * @throws IllegalArgumentException when an address cannot be used
	 * @throws org.springframework.mail.MailPreparationException when it cannot be signed
	 */
	MimeMessage message(Session session, OutgoingMail mail) {
		return message(session, mail, false);
	}

	/**
	 * The message as {@link #send} sends it, for a server that may take 8-bit bodies.
	 * @param session the mail session
	 * @param mail the message
	 * @param eightBit whether the server announced 8BITMIME: parts that can go as they
	 * are then do, and the envelope says {@code BODY=8BITMIME}; not when the message is
	 * signed, for a relay further on that takes no 8-bit mail would turn the parts into
	 * quoted-printable and break the signature (RFC 6376 5.3)
	 * @return the message, final
	 */
	MimeMessage message(Session session, OutgoingMail mail, boolean eightBit) {
		boolean asIs = eightBit && !this.dkim.signs();
		return RawMimeMessage.of(session, this.dkim.sign(this.writer.write(mail, Instant.now(), asIs)),
				this.writer.from(), mail, asIs);
	}

}
