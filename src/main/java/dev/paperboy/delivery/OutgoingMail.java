package dev.paperboy.delivery;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message to send.
 *
 * @param to the recipient
 * @param subject the subject, one line
 * @param text the plain text body
 * @param html the HTML body
 * @param headers extra headers ({@code List-Unsubscribe}, ...), each value one line
 * @param messageId a Message-ID to use (without angle brackets), or null for a generated
 * one
 */
public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers,
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

}
