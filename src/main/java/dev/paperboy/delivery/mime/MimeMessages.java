package dev.paperboy.delivery.mime;

import java.time.Instant;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.delivery.dkim.DkimSigner;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds every message that goes out: written ({@link MimeWriter}) from the configured
 * sender address under the sender name of the branding in force, then signed when DKIM is
 * configured.
 */
@Component
public class MimeMessages {

	private final DkimSigner dkim;

	private final DeliveryProperties properties;

	private final @Nullable MailTemplates templates;

	private volatile MimeWriter writer;

	/**
	 * Messages from the configured sender name.
	 * @param properties the sender
	 * @param dkim the signer
	 */
	public MimeMessages(DeliveryProperties properties, DkimSigner dkim) {
		this(properties, dkim, null);
	}

	@Autowired
	public MimeMessages(DeliveryProperties properties, DkimSigner dkim, @Nullable MailTemplates templates) {
		this.dkim = dkim;
		this.properties = properties;
		this.templates = templates;
		this.writer = new MimeWriter(properties.from(), properties.fromName(), properties.replyTo());
		pinStreamProvider();
	}

	// The sender name checked as a header value when it was saved; encoded by the writer
	private MimeWriter writer() {
		MimeWriter writer = this.writer;
		if (this.templates == null) {
			return writer;
		}
		String name = this.templates.brand().senderName();
		if (!name.equals(writer.fromName())) {
			writer = new MimeWriter(this.properties.from(), name, this.properties.replyTo());
			this.writer = writer;
		}
		return writer;
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
		MimeWriter writer = writer();
		return RawMimeMessage.of(session, this.dkim.sign(writer.write(mail, Instant.now(), asIs)), writer.from(), mail,
				asIs);
	}

}
