package dev.paperboy.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
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

	// MimeMessageHelper otherwise reads the MIME type files anew for every message.
	private static final FileTypeMap FILE_TYPES = fileTypes();

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

	private static FileTypeMap fileTypes() {
		ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
		fileTypes.afterPropertiesSet();
		return fileTypes;
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
					StandardCharsets.UTF_8.name()) {

				@Override
				protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
					return FILE_TYPES;
				}

			};
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

}
