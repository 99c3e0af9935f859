package dev.paperboy.delivery.mime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A message's two parts, plain text and HTML: as text, or already as the UTF-8 bytes they
 * go on the wire as when the server takes 8-bit mail (a digest filled from a stencil,
 * whose fixed parts were encoded once), so that {@link MimeWriter} copies them instead of
 * encoding them again. The text of encoded parts is decoded only when asked for
 * (quoted-printable, a preview), with CRLF line ends.
 */
// Part of delivery's named interface "mime": digest renders its emails with it.
@NamedInterface("mime")
public final class MailBody {

	private final @Nullable String text;

	private final @Nullable String html;

	private final @Nullable Utf8 textUtf8;

	private final @Nullable Utf8 htmlUtf8;

	private MailBody(@Nullable String text, @Nullable String html, @Nullable Utf8 textUtf8, @Nullable Utf8 htmlUtf8) {
		this.text = text;
		this.html = html;
		this.textUtf8 = textUtf8;
		this.htmlUtf8 = htmlUtf8;
	}

	/**
	 * @param text the plain text part
	 * @param html the HTML part
	 * @return a body of these two texts
	 */
	public static MailBody of(String text, String html) {
		return new MailBody(text, html, null, null);
	}

	static MailBody encoded(Utf8 text, Utf8 html) {
		return new MailBody(null, null, text, html);
	}

	/**
	 * @return the plain text part
	 */
	public String text() {
		return (this.text != null) ? this.text : this.textUtf8.string();
	}

	/**
	 * @return the HTML part
	 */
	public String html() {
		return (this.html != null) ? this.html : this.htmlUtf8.string();
	}

	@Nullable Utf8 textUtf8() {
		return this.textUtf8;
	}

	@Nullable Utf8 htmlUtf8() {
		return this.htmlUtf8;
	}

	/**
	 * @return about how many characters or bytes the two parts hold
	 */
	int size() {
		return ((this.textUtf8 != null) ? this.textUtf8.length : this.text.length())
				+ ((this.htmlUtf8 != null) ? this.htmlUtf8.length : this.html.length());
	}

	/**
	 * Whether this body goes on the wire as the two texts would.
	 * @param text the plain text part
	 * @param html the HTML part
	 * @return whether it is the same
	 */
	public boolean sameAs(String text, String html) {
		if (this.textUtf8 == null) {
			return this.text.equals(text) && this.html.equals(html);
		}
		return this.textUtf8.sameAs(Utf8.of(text)) && this.htmlUtf8.sameAs(Utf8.of(html));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailBody body && sameAs(body.text(), body.html());
	}

	@Override
	public int hashCode() {
		return text().hashCode() * 31 + html().hashCode();
	}

	/**
	 * A text's UTF-8 bytes, line breaks made CRLF ({@link MimeWriter#utf8}), and what
	 * decides whether it can go as it is.
	 *
	 * @param bytes the bytes, in the first {@code length}
	 * @param length how many
	 * @param ascii whether all are ASCII
	 * @param fits whether it may go as it is: no line longer than 998 octets, no NUL
	 */
	record Utf8(byte[] bytes, int length, boolean ascii, boolean fits) {

		static Utf8 of(String text) {
			MimeWriter.Bytes out = new MimeWriter.Bytes(text.length() + text.length() / 8 + 64);
			MimeWriter.utf8(out, text);
			Lines lines = new Lines();
			lines.scan(out.array(), 0, out.length());
			return new Utf8(out.array(), out.length(), lines.ascii, lines.fits());
		}

		String string() {
			return new String(this.bytes, 0, this.length, StandardCharsets.UTF_8);
		}

		boolean sameAs(Utf8 other) {
			return this.ascii == other.ascii && this.fits == other.fits
					&& Arrays.equals(this.bytes, 0, this.length, other.bytes, 0, other.length);
		}

	}

	/**
	 * What the lines of UTF-8 bytes with CRLF line ends are like, read a piece at a time:
	 * the longest line in octets, NUL, anything not ASCII.
	 */
	static final class Lines {

		int line;

		// the length of the line the first break ended, -1 before it
		int head = -1;

		int longest;

		boolean nul;

		boolean ascii = true;

		void scan(byte[] bytes, int from, int to) {
			int line = this.line;
			int head = this.head;
			int longest = this.longest;
			boolean nul = this.nul;
			boolean ascii = this.ascii;
			for (int i = from; i < to; i++) {
				byte b = bytes[i];
				if (b == '\r') {
					// always followed by its LF
					if (head < 0) {
						head = line;
					}
					longest = Math.max(longest, line);
					line = 0;
					i++;
				}
				else {
					line++;
					nul |= b == 0;
					ascii &= b >= 0;
				}
			}
			this.line = line;
			this.head = head;
			this.longest = longest;
			this.nul = nul;
			this.ascii = ascii;
		}

		void add(MailStencil.Chunk chunk) {
			if (chunk.breaks) {
				this.longest = Math.max(this.longest, Math.max(this.line + chunk.head, chunk.longest));
				this.line = chunk.tail;
			}
			else {
				this.line += chunk.head;
			}
			this.nul |= chunk.nul;
			this.ascii &= chunk.ascii;
		}

		boolean fits() {
			return Math.max(this.longest, this.line) <= 998 && !this.nul;
		}

	}

}
