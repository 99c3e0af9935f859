package dev.paperboy.delivery.mime;

import java.io.IOException;
import java.io.OutputStream;

import dev.paperboy.delivery.OutgoingMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message already written ({@link MimeWriter}, signed or not), handed to Jakarta Mail
 * only to be sent: it is written out as those bytes, and saving changes does nothing. Its
 * From, To and Message-ID headers are there for the transport (envelope sender and
 * recipients) and for callers that read them. An Angus {@code SMTPMessage}, so that a
 * message with 8-bit parts says so in the envelope
 * ({@code MAIL FROM:<...> BODY=8BITMIME}, RFC 6152).
 */
public final class RawMimeMessage extends SMTPMessage {

	private final byte[] raw;

	private final InternetAddress[] from;

	private final InternetAddress[] to;

	public RawMimeMessage(@Nullable Session session, byte[] raw, String from, String to, @Nullable String messageId)
			throws MessagingException {
		super(session);
		this.raw = raw;
		this.from = InternetAddress.parse(from);
		this.to = new InternetAddress[] { new InternetAddress(to) };
		setHeader("From", from);
		setHeader("To", to);
		if (messageId != null) {
			setHeader("Message-ID", "<" + messageId + ">");
		}
	}

	/** The recipients, for {@code Transport.sendMessage}. */
	InternetAddress[] recipients() {
		return this.to.clone();
	}

	@Override
	public Address[] getFrom() {
		return this.from.clone();
	}

	@Override
	public Address[] getAllRecipients() {
		return this.to.clone();
	}

	@Override
	public int getSize() {
		return this.raw.length;
	}

	@Override
	public void saveChanges() {
		// final: written as it is
	}

	@Override
	public void writeTo(OutputStream out, String @Nullable [] ignoreList) throws IOException {
		out.write(this.raw);
	}

	/** The message's bytes, as they go out. */
	byte[] bytes() {
		return this.raw.clone();
	}

	static RawMimeMessage of(@Nullable Session session, byte[] raw, String from, OutgoingMail mail) {
		return of(session, raw, from, mail, false);
	}

	/**
	 * @param session the mail session
	 * @param raw the message's bytes
	 * @param from the From header's value
	 * @param mail the message
	 * @param eightBit whether its parts may be 8-bit ({@code BODY=8BITMIME} in the
	 * envelope)
	 * @return the message
	 */
	static RawMimeMessage of(@Nullable Session session, byte[] raw, String from, OutgoingMail mail, boolean eightBit) {
		try {
			RawMimeMessage message = new RawMimeMessage(session, raw, from, mail.to(), mail.messageId());
			if (eightBit) {
				message.setMailExtension("BODY=8BITMIME");
			}
			return message;
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not a usable address: " + ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("Cannot build the message: " + ex.getMessage(), ex);
		}
	}

}
