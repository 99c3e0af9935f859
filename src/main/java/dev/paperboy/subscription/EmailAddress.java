package dev.paperboy.subscription;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An email address Paperboy accepts: RFC 5321 lengths (local part at most 64 octets,
 * domain at most 255, the whole at most 254), a dot-atom local part of RFC 5322
 * characters, no white space, CR, LF or control characters anywhere, and a domain of at
 * least two labels. Internationalized domains are accepted and kept in their ASCII
 * (punycode) form, which every SMTP server understands.
 *
 * @param value the address to send to, domain lowercased
 */
public record EmailAddress(String value) {

	private static final Pattern LOCAL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	/**
	 * @param input what was typed
	 * @return the address, or empty when it is not one Paperboy accepts
	 */
	public static Optional<EmailAddress> parse(@Nullable String input) {
		if (input == null || input.length() > 320) {
			return Optional.empty();
		}
		String text = input.strip();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return Optional.empty();
			}
		}
		int at = text.lastIndexOf('@');
		if (at < 1 || at != text.indexOf('@') || at == text.length() - 1) {
			return Optional.empty();
		}
		String local = text.substring(0, at);
		if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
			return Optional.empty();
		}
		String domain;
		try {
			domain = IDN.toASCII(text.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (domain.endsWith(".")) {
			domain = domain.substring(0, domain.length() - 1);
		}
		String[] labels = domain.split("\\.", -1);
		if (domain.length() > 255 || labels.length < 2) {
			return Optional.empty();
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		String address = local + "@" + domain;
		return (address.length() <= 254) ? Optional.of(new EmailAddress(address)) : Optional.empty();
	}

	/**
	 * @return the key two spellings of one address share
	 */
	public String key() {
		return this.value.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
