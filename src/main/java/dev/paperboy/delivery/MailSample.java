package dev.paperboy.delivery;

import java.util.Map;

/**
 * A sample of one kind of email, with made-up values, for the branding preview: each
 * module that sends mail provides one per template it uses.
 */
public interface MailSample {

	/**
	 * @return the templates' name under {@code templates/mail/} ({@code digest})
	 */
	String template();

	/**
	 * @return what the email is, for people ("Digest")
	 */
	String label();

	/**
	 * @param brand the branding to show
	 * @return the templates' variables ({@code brand} among them when the sample's values
	 * depend on it)
	 */
	Map<String, Object> variables(Brand brand);

}
