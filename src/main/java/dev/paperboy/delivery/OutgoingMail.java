package dev.paperboy.delivery;

import java.util.Map;

import dev.paperboy.delivery.mime.MailBody;
import org.jspecify.annotations.Nullable;

/**
 * One message to send.
 *
 * @param to the recipient
 * @param subject the subject, one line
 * @param body the plain text and HTML bodies
 * @param headers extra headers ({@code List-Unsubscribe}, ...), each value one line
 * @param messageId a Message-ID to use (without angle brackets), or null for a generated
 * one
 */
public record OutgoingMail(String to, String subject, MailBody body, Map<String, String> headers,
		@Nullable String messageId) {

	public OutgoingMail {
		headers = Map.copyOf(headers);
		HeaderValues.check("To", to);
		HeaderValues.check("Subject", subject);
		headers.forEach(HeaderValues::check);
		if (messageId != null) {
			HeaderValues.check("Message-ID", messageId);
		}
	}

	/**
	 * @param to the recipient
	 * @param subject the subject, one line
	 * @param text the plain text body
	 * @param html the HTML body
	 * @param headers extra headers, each value one line
	 * @param messageId a Message-ID to use, or null for a generated one
	 */
	public OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers,
			@Nullable String messageId) {
		this(to, subject, MailBody.of(text, html), headers, messageId);
	}

	/**
	 * @return the plain text body
	 */
	public String text() {
		return this.body.text();
	}

	/**
	 * @return the HTML body
	 */
	public String html() {
		return this.body.html();
	}

}
