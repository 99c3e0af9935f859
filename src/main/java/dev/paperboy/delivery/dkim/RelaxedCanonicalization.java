package dev.paperboy.delivery.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The "relaxed" canonicalization of RFC 6376 (section 3.4.2 for headers, 3.4.4 for the
 * body), which survives the whitespace changes and refolding relays are known to make.
 * Text is handled as ISO-8859-1, one char per byte, so 8-bit bytes pass through as they
 * are.
 */
final class RelaxedCanonicalization {

	private static final Pattern WHITESPACE = Pattern.compile("[ \t]+");

	private RelaxedCanonicalization() {
	}

	/**
	 * The header fields of a header block (lines ending in CRLF), continuation lines
	 * joined to their field with their CRLF kept.
	 */
	static List<String> fields(String header) {
		List<String> fields = new ArrayList<>();
		for (String line : header.split("\r\n")) {
			boolean continuation = line.startsWith(" ") || line.startsWith("\t");
			if (continuation && !fields.isEmpty()) {
				fields.set(fields.size() - 1, fields.getLast() + "\r\n" + line);
			}
			else if (!line.isEmpty()) {
				fields.add(line);
			}
		}
		return fields;
	}

	/** A field's name, lower case. */
	static String name(String field) {
		return stripTrailing(field.substring(0, field.indexOf(':'))).toLowerCase(Locale.ROOT);
	}

	/**
	 * A field as it is signed: name in lower case, value unfolded with every run of
	 * whitespace one space, no whitespace around the colon, no CRLF at the end.
	 */
	static String header(String field) {
		String value = field.substring(field.indexOf(':') + 1).replace("\r\n", "");
		String relaxed = stripTrailing(WHITESPACE.matcher(value).replaceAll(" "));
		return name(field) + ":" + (relaxed.startsWith(" ") ? relaxed.substring(1) : relaxed);
	}

	/**
	 * A body as it is hashed: every run of whitespace in a line one space, none at the
	 * end of a line, no empty lines at the end, and a final CRLF unless nothing is left.
	 */
	static String body(String body) {
		StringBuilder canonical = new StringBuilder(body.length());
		int emptyLines = 0;
		for (String line : body.split("\r\n", -1)) {
			String relaxed = stripTrailing(WHITESPACE.matcher(line).replaceAll(" "));
			if (relaxed.isEmpty()) {
				emptyLines++;
			}
			else {
				canonical.append("\r\n".repeat(emptyLines)).append(relaxed).append("\r\n");
				emptyLines = 0;
			}
		}
		return canonical.toString();
	}

	/** Without trailing spaces and tabs (not other characters, as String.strip would). */
	private static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
			end--;
		}
		return text.substring(0, end);
	}

}
