package dev.paperboy.embedded.mailbox;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

/**
 * One received message as the mailbox pages show it.
 *
 * @param index the position of the message in the order the server received them, from 0;
 * the address of its page
 * @param from the sender
 * @param to the recipients, comma separated
 * @param subject the subject
 * @param date when it was sent, in this machine's time zone, or an empty string
 * @param listUnsubscribe the {@code List-Unsubscribe} header, or null
 * @param listUnsubscribePost the {@code List-Unsubscribe-Post} header, or null
 * @param text the first plain-text part, or null
 * @param html the first HTML part, or null
 */
public record MailboxMessage(int index, String from, String to, String subject, String date,
		@Nullable String listUnsubscribe, @Nullable String listUnsubscribePost, @Nullable String text,
		@Nullable String html) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	/**
	 * Reads a received message.
	 * @param index its position in the order received
	 * @param message the message
	 * @return what the pages show of it
	 */
	public static MailboxMessage of(int index, MimeMessage message) {
		try {
			Bodies bodies = new Bodies();
			bodies.collect(message);
			return new MailboxMessage(index, addresses(message.getFrom()),
					addresses(message.getRecipients(Message.RecipientType.TO)),
					(message.getSubject() != null) ? message.getSubject() : "", date(message.getSentDate()),
					header(message, "List-Unsubscribe"), header(message, "List-Unsubscribe-Post"), bodies.text,
					bodies.html);
		}
		catch (MessagingException | IOException ex) {
			return new MailboxMessage(index, "", "", "(unreadable: " + ex.getMessage() + ")", "", null, null, null,
					null);
		}
	}

	private static String addresses(Address @Nullable [] addresses) {
		if (addresses == null) {
			return "";
		}
		return Arrays.stream(addresses)
			.map((address) -> (address instanceof InternetAddress internet) ? internet.toUnicodeString()
					: address.toString())
			.collect(Collectors.joining(", "));
	}

	private static String date(@Nullable Date date) {
		return (date != null) ? DATE.format(date.toInstant().atZone(ZoneId.systemDefault())) : "";
	}

	private static @Nullable String header(MimeMessage message, String name) throws MessagingException {
		String value = message.getHeader(name, ", ");
		return (value != null) ? MimeUtility.unfold(value) : null;
	}

	/** The first text and HTML parts that are not attachments, at any depth. */
	private static final class Bodies {

		@Nullable String text;

		@Nullable String html;

		void collect(Part part) throws MessagingException, IOException {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return;
			}
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
			else if (this.text == null && part.isMimeType("text/plain")) {
				// as typed: SMTP turned its line breaks into CRLF
				this.text = String.valueOf(part.getContent()).replace("\r\n", "\n");
			}
			else if (this.html == null && part.isMimeType("text/html")) {
				this.html = String.valueOf(part.getContent());
			}
		}

	}

}
