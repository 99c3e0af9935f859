package dev.paperboy.delivery.mime;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.paperboy.delivery.OutgoingMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

/**
 * Writes a message as it goes on the wire (RFC 5322 and MIME): the headers, then a
 * {@code multipart/alternative} body of the plain text and the HTML, both UTF-8, lines
 * ending in CRLF. Each part is quoted-printable (no body line longer than 76 characters),
 * or, for a server that announced 8BITMIME (RFC 6152), the text as it is when none of its
 * lines is longer than SMTP allows (998 octets) and it holds no NUL: {@code 7bit} when it
 * is all ASCII, else {@code 8bit}.
 * <p>
 * Jakarta Mail's way to the same bytes (MimeMessageHelper, MimeMultipart, a scan of every
 * part to choose its transfer encoding, an encoder called once per byte) cost about a
 * third of the CPU of sending a digest; this writes each byte once. Header values are
 * checked for CR and LF before they get here ({@link OutgoingMail}); non-ASCII subjects
 * and display names are encoded words (RFC 2047).
 * <p>
 * Longer than 400 lines because its encoders (headers, folding, quoted-printable, 8-bit
 * bodies) write one shared buffer and are tuned together as one hot path.
 */
final class MimeWriter {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	// Longest encoded line, the soft line break's '=' included (RFC 2045 6.7 (5)).
	private static final int LINE = 76;

	private final String from;

	private final String domain;

	private final @Nullable String replyTo;

	private final String fromName;

	MimeWriter(String from, @Nullable String fromName, @Nullable String replyTo) {
		this.from = address(from, fromName);
		this.fromName = (fromName != null) ? fromName : "";
		this.domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		this.replyTo = (replyTo != null) ? address(replyTo, null) : null;
	}

	private static String address(String address, @Nullable String name) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			if (name != null && !name.isBlank()) {
				parsed.setPersonal(name, StandardCharsets.UTF_8.name());
			}
			return parsed.toString();
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("Not a usable sender address: " + address, ex);
		}
	}

	/** The sender's display name, as given. */
	String fromName() {
		return this.fromName;
	}

	/** The sender's address as written in the From header. */
	String from() {
		return this.from;
	}

	/**
	 * The whole message.
	 * @param mail what to send
	 * @param date the Date header
	 * @return the message's bytes, CRLF line ends
	 */
	byte[] write(OutgoingMail mail, Instant date) {
		return write(mail, date, false);
	}

	/**
	 * The whole message.
	 * @param mail what to send
	 * @param date the Date header
	 * @param eightBit whether the server takes 8-bit bodies (it announced 8BITMIME)
	 * @return the message's bytes, CRLF line ends
	 */
	byte[] write(OutgoingMail mail, Instant date, boolean eightBit) {
		MailBody body = mail.body();
		Bytes out = new Bytes(body.size() * 17 / 16 + 4096);
		header(out, "Date", DATE.format(date));
		header(out, "From", this.from);
		if (this.replyTo != null) {
			header(out, "Reply-To", this.replyTo);
		}
		header(out, "To", mail.to());
		// every message has one (RFC 5322 3.6.4): a fresh one when none was given
		header(out, "Message-ID",
				"<" + ((mail.messageId() != null) ? mail.messageId() : UUID.randomUUID() + "@" + this.domain) + ">");
		header(out, "Subject", encodedWords(mail.subject()));
		// a stable order, whatever the map's
		for (Map.Entry<String, String> header : new TreeMap<>(mail.headers()).entrySet()) {
			header(out, header.getKey(), header.getValue());
		}
		header(out, "MIME-Version", "1.0");
		// "=_" cannot occur in quoted-printable text, so no such body line can be a
		// boundary; a part written as it is would need to hold these random 32 digits.
		// Always 32 digits: a shorter number would fold the header differently.
		String boundary = "=_pb_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
				+ HexFormat.of().toHexDigits(System.nanoTime());
		header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
		out.ascii("\r\n");
		part(out, boundary, "text/plain", body.textUtf8(), body, false, eightBit);
		part(out, boundary, "text/html", body.htmlUtf8(), body, true, eightBit);
		out.ascii("--").ascii(boundary).ascii("--\r\n");
		return out.toArray();
	}

	// A part already encoded goes as it is when it may; otherwise from its text
	private static void part(Bytes out, String boundary, String type, MailBody.@Nullable Utf8 encoded, MailBody body,
			boolean html, boolean eightBit) {
		out.ascii("--").ascii(boundary).ascii("\r\n");
		out.ascii("Content-Type: ").ascii(type).ascii("; charset=UTF-8\r\n");
		if (eightBit && encoded != null && encoded.fits()) {
			out.ascii("Content-Transfer-Encoding: ").ascii(encoded.ascii() ? "7bit" : "8bit").ascii("\r\n\r\n");
			out.bytes(encoded.bytes(), encoded.length());
			out.ascii("\r\n");
			return;
		}
		String content = html ? body.html() : body.text();
		String encoding = eightBit ? asIs(content) : null;
		if (encoding == null) {
			out.ascii("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
			quotedPrintable(out, content);
		}
		else {
			out.ascii("Content-Transfer-Encoding: ").ascii(encoding).ascii("\r\n\r\n");
			utf8(out, content);
		}
		out.ascii("\r\n");
	}

	/**
	 * How a text can go as it is, with line breaks made CRLF: {@code "7bit"} when it is
	 * all ASCII, {@code "8bit"} when it is not, null when a line is longer than 998
	 * octets in UTF-8 or it holds a NUL (RFC 5321 4.5.3.1.6, RFC 2045 2.7 and 2.8).
	 * @param text the text
	 * @return the transfer encoding, or null for quoted-printable
	 */
	static @Nullable String asIs(String text) {
		int length = text.length();
		int line = 0;
		boolean ascii = true;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				line = 0;
				continue;
			}
			if (c == 0) {
				return null;
			}
			if (c < 0x80) {
				line++;
			}
			else {
				ascii = false;
				int codePoint = codePointAt(text, i);
				line += utf8Length(codePoint);
				if (codePoint >= 0x10000) {
					i++;
				}
			}
			if (line > 998) {
				return null;
			}
		}
		return ascii ? "7bit" : "8bit";
	}

	/**
	 * The UTF-8 bytes of a text whose lines all fit ({@link #asIs}), line breaks (CRLF,
	 * LF or CR) made CRLF; a lone surrogate becomes U+FFFD, as String.getBytes makes it.
	 * @param out where to write
	 * @param text the text
	 */
	static void utf8(Bytes out, String text) {
		int length = text.length();
		out.ensure(length + length / 8 + 64);
		byte[] bytes = out.array;
		int at = out.length;
		for (int i = 0; i < length; i++) {
			// room for the most one character takes
			if (bytes.length - at < 8) {
				out.length = at;
				out.ensure(Math.max(64, (length - i) + (length - i) / 4));
				bytes = out.array;
			}
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c == '\r' || c == '\n') {
					if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
						i++;
					}
					bytes[at++] = '\r';
					bytes[at++] = '\n';
				}
				else {
					bytes[at++] = (byte) c;
				}
				continue;
			}
			int codePoint = codePointAt(text, i);
			if (codePoint >= 0x10000) {
				i++;
			}
			if (codePoint < 0x800) {
				bytes[at++] = (byte) (0xC0 | (codePoint >> 6));
			}
			else if (codePoint < 0x10000) {
				bytes[at++] = (byte) (0xE0 | (codePoint >> 12));
				bytes[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
			}
			else {
				bytes[at++] = (byte) (0xF0 | (codePoint >> 18));
				bytes[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				bytes[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
			}
			bytes[at++] = (byte) (0x80 | (codePoint & 0x3F));
		}
		out.length = at;
	}

	private static String encodedWords(String text) {
		try {
			return MimeUtility.encodeText(text, StandardCharsets.UTF_8.name(), null);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// One header, folded at spaces to keep lines near 78 characters (RFC 5322 2.2.3).
	private static void header(Bytes out, String name, String value) {
		out.ascii(name).ascii(": ").text(fold(name.length() + 2, value)).ascii("\r\n");
	}

	/**
	 * Folds a header value as {@code MimeUtility.fold} does (a line break before the
	 * first blank of the last run of blanks that keeps the line within 76 characters, or
	 * of the first run after that when there is none), without the 16 KB reader it
	 * allocates for every header. The value holds no CR or LF ({@link OutgoingMail}
	 * checks).
	 * @param used the characters already on the first line (the name and ": ")
	 * @param value the value
	 * @return the folded value
	 */
	static String fold(int used, String value) {
		int end = value.length();
		while (end > 0 && isBlank(value.charAt(end - 1))) {
			end--;
		}
		if (used + end <= 76) {
			return (end == value.length()) ? value : value.substring(0, end);
		}
		StringBuilder folded = new StringBuilder(end + 16);
		int start = 0;
		char last = 0;
		while (used + (end - start) > 76) {
			int space = -1;
			for (int i = 0; i < end - start; i++) {
				if (space != -1 && used + i > 76) {
					break;
				}
				char c = value.charAt(start + i);
				if (isBlank(c) && !isBlank(last)) {
					space = i;
				}
				last = c;
			}
			if (space == -1) {
				break;
			}
			last = value.charAt(start + space);
			// a value that starts with a blank is not broken before it: Jakarta Mail
			// drops the empty line that would leave
			if (start > 0 || space > 0) {
				folded.append(value, start, start + space).append("\r\n");
			}
			folded.append(last);
			start += space + 1;
			used = 1;
		}
		return folded.append(value, start, end).toString();
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Quoted-printable (RFC 2045 6.7) of the UTF-8 bytes of some text: line breaks (CRLF,
	 * LF or CR) become CRLF, every other control character, '=', any byte over 126 and a
	 * space or tab ending a line are encoded, and longer lines get soft breaks.
	 * @param out where to write
	 * @param text the text
	 */
	static void quotedPrintable(Bytes out, String text) {
		int length = text.length();
		out.ensure(length + length / 16 + 64);
		byte[] bytes = out.array;
		int at = out.length;
		int column = 0;
		for (int i = 0; i < length; i++) {
			// room for the most one character takes: a soft break and four encoded bytes
			if (bytes.length - at < 16) {
				bytes = grown(out, at, length - i);
			}
			char c = text.charAt(i);
			if (c > 32 && c < 127 && c != '=') {
				// the common case: printable ASCII, as it is
				if (column >= LINE - 1 && !(column == LINE - 1 && endsLine(text, i + 1))) {
					at = softBreak(bytes, at);
					column = 0;
				}
				bytes[at++] = (byte) c;
				column++;
				continue;
			}
			if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
					i++;
				}
				bytes[at++] = '\r';
				bytes[at++] = '\n';
				column = 0;
				continue;
			}
			if (c < 0x80) {
				boolean lineEnds = endsLine(text, i + 1);
				boolean literal = (c == ' ' || c == '\t') && !lineEnds;
				int width = literal ? 1 : 3;
				// the soft break's '=' must fit too, unless this is the line's last
				if (column + width > LINE - 1 && !(lineEnds && column + width <= LINE)) {
					at = softBreak(bytes, at);
					column = 0;
				}
				at = literal ? literal(bytes, at, c) : escaped(bytes, at, c);
				column += width;
				continue;
			}
			int codePoint = codePointAt(text, i);
			if (codePoint >= 0x10000) {
				i++;
			}
			int size = utf8Length(codePoint);
			// a character's bytes stay on one line
			if (column + 3 * size > LINE - 1) {
				at = softBreak(bytes, at);
				column = 0;
			}
			at = escapedUtf8(bytes, at, codePoint, size);
			column += 3 * size;
		}
		out.length = at;
	}

	// The buffer with room for what is left of the text, what was written kept.
	private static byte[] grown(Bytes out, int at, int left) {
		out.length = at;
		out.ensure(Math.max(64, left + left / 8));
		return out.array;
	}

	// A space or tab that does not end its line, as it is.
	private static int literal(byte[] bytes, int at, char c) {
		bytes[at] = (byte) c;
		return at + 1;
	}

	// The UTF-8 bytes of a code point beyond ASCII (size: 2 to 4), each encoded.
	private static int escapedUtf8(byte[] bytes, int at, int codePoint, int size) {
		if (size == 2) {
			at = escaped(bytes, at, 0xC0 | (codePoint >> 6));
		}
		else if (size == 3) {
			at = escaped(bytes, at, 0xE0 | (codePoint >> 12));
			at = escaped(bytes, at, 0x80 | ((codePoint >> 6) & 0x3F));
		}
		else {
			at = escaped(bytes, at, 0xF0 | (codePoint >> 18));
			at = escaped(bytes, at, 0x80 | ((codePoint >> 12) & 0x3F));
			at = escaped(bytes, at, 0x80 | ((codePoint >> 6) & 0x3F));
		}
		return escaped(bytes, at, 0x80 | (codePoint & 0x3F));
	}

	/**
	 * The character at an index as it is written: a surrogate pair's code point (two
	 * chars: the caller skips the second when the result is 0x10000 or more), U+FFFD for
	 * a lone surrogate, as String.getBytes writes it, else the char itself.
	 */
	private static int codePointAt(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
			return Character.toCodePoint(c, text.charAt(i + 1));
		}
		return Character.isSurrogate(c) ? 0xFFFD : c;
	}

	private static int utf8Length(int codePoint) {
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

	private static boolean endsLine(String text, int next) {
		return next == text.length() || text.charAt(next) == '\r' || text.charAt(next) == '\n';
	}

	private static int softBreak(byte[] bytes, int at) {
		bytes[at] = '=';
		bytes[at + 1] = '\r';
		bytes[at + 2] = '\n';
		return at + 3;
	}

	private static int escaped(byte[] bytes, int at, int b) {
		bytes[at] = '=';
		bytes[at + 1] = HEX[(b >> 4) & 0xF];
		bytes[at + 2] = HEX[b & 0xF];
		return at + 3;
	}

	/** A growing byte array, without the locking of ByteArrayOutputStream. */
	static final class Bytes {

		private byte[] array;

		private int length;

		Bytes(int capacity) {
			this.array = new byte[Math.max(capacity, 256)];
		}

		Bytes ascii(String text) {
			int n = text.length();
			ensure(n);
			for (int i = 0; i < n; i++) {
				this.array[this.length++] = (byte) text.charAt(i);
			}
			return this;
		}

		// A header value: ASCII as it is; anything else as UTF-8 (RFC 6532) rather than
		// cut to bytes.
		Bytes text(String text) {
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) >= 0x80) {
					byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
					ensure(utf8.length);
					System.arraycopy(utf8, 0, this.array, this.length, utf8.length);
					this.length += utf8.length;
					return this;
				}
			}
			return ascii(text);
		}

		void bytes(byte[] bytes, int length) {
			ensure(length);
			System.arraycopy(bytes, 0, this.array, this.length, length);
			this.length += length;
		}

		byte[] array() {
			return this.array;
		}

		int length() {
			return this.length;
		}

		void ensure(int more) {
			if (this.length + more > this.array.length) {
				this.array = Arrays.copyOf(this.array, Math.max(this.length + more, this.array.length * 2));
			}
		}

		byte[] toArray() {
			return Arrays.copyOf(this.array, this.length);
		}

	}

}
