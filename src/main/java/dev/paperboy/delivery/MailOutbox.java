package dev.paperboy.delivery;

import java.util.Map;

/**
 * Queues one-off emails (a confirmation, an "already subscribed" note) for the outbox
 * workers, which send them as they send digests: leases, retries with backoff, pacing and
 * the suppression check. A queued email is rendered from its templates when it is sent.
 */
public interface MailOutbox {

	/**
	 * Queues an email in the caller's transaction: it goes out once that commits (and is
	 * tried at once then), and not at all if it rolls back.
	 * @param mail the email
	 */
	void enqueue(TemplatedMail mail);

	/**
	 * @return a tag of this installation, the same on every instance and restart, that
	 * says nothing about its secrets: Message-IDs carry it so that two installations (or
	 * a reset database) never reuse one
	 */
	String installation();

	/**
	 * An email rendered from {@code templates/mail/NAME.html} and {@code NAME.txt} when
	 * it is sent.
	 *
	 * @param to the recipient
	 * @param subject the subject, one line
	 * @param template the templates' name
	 * @param variables their variables: strings, numbers and booleans (they are stored as
	 * JSON until sent)
	 * @param headers extra headers, each value one line
	 */
	record TemplatedMail(String to, String subject, String template, Map<String, Object> variables,
			Map<String, String> headers) {

		public TemplatedMail {
			variables = Map.copyOf(variables);
			headers = Map.copyOf(headers);
			HeaderValues.check("To", to);
			HeaderValues.check("Subject", subject);
			headers.forEach(HeaderValues::check);
		}

	}

}
