package dev.paperboy.delivery.mime;

import java.time.Instant;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.dkim.DkimSigner;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.springframework.stereotype.Component;

/**
 * Builds every message that goes out: written ({@link MimeWriter}) with the configured
 * sender, then signed when DKIM is configured.
 */
@Component
public class MimeMessages {

	private final DkimSigner dkim;

	private final MimeWriter writer;

	public MimeMessages(DeliveryProperties properties, DkimSigner dkim) {
		this.dkim = dkim;
		this.writer = new MimeWriter(properties.from(), properties.fromName(), properties.replyTo());
		pinStreamProvider();
	}

	// Jakarta Mail 2.1 looks up its stream provider with a ServiceLoader scan of the
	// class path for every part it creates, encodes or writes (see
	// jakartaee/mail-api#699 and #861), several times per message; named in its system
	// property, the lookup is one class by name. The name is the provider that scan
	// finds.
	private static void pinStreamProvider() {
		String property = StreamProvider.class.getName();
		if (System.getProperty(property) == null) {
			System.setProperty(property, StreamProvider.provider().getClass().getName());
		}
	}

	/**
	 * The message, for a server that takes no 8-bit bodies.
	 * @param session the mail session
	 * @param mail the message
	 * @return the message, final
	 * @throws IllegalArgumentException when an address cannot be used
	 * @throws org.springframework.mail.MailPreparationException when it cannot be signed
	 */
	public MimeMessage message(Session session, OutgoingMail mail) {
		return message(session, mail, false);
	}

	/**
	 * The message, for a server that may take 8-bit bodies.
	 * @param session the mail session
	 * @param mail the message
	 * @param eightBit whether the server announced 8BITMIME: parts that can go as they
	 * are then do, and the envelope says {@code BODY=8BITMIME}; not when the message is
	 * signed, for a relay further on that takes no 8-bit mail would turn the parts into
	 * quoted-printable and break the signature (RFC 6376 5.3)
	 * @return the message, final
	 */
	public MimeMessage message(Session session, OutgoingMail mail, boolean eightBit) {
		boolean asIs = eightBit && !this.dkim.signs();
		return RawMimeMessage.of(session, this.dkim.sign(this.writer.write(mail, Instant.now(), asIs)),
				this.writer.from(), mail, asIs);
	}

}
