package dev.paperboy.delivery.mime;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What mail templates need beyond Thymeleaf's own helpers, as {@code #mail} in every
 * template: plain text wrapped for a 72-column reader, multi-line values as lines, and a
 * check that a link is a web link before it becomes an {@code href}.
 */
// Part of delivery's named interface "mime": digest renders its emails with it.
@NamedInterface("mime")
public final class MailText {

	/** The widest line of a plain text part, links aside. */
	public static final int WIDTH = 72;

	/** The one instance, {@code #mail} in templates. */
	public static final MailText INSTANCE = new MailText();

	private MailText() {
	}

	/**
	 * Wraps text into lines of at most {@link #WIDTH} characters: the first starts with
	 * {@code prefix}, the others with {@code indent}. A word longer than a line (a link)
	 * gets a line of its own, unbroken.
	 * @param text the text; its whitespace, line breaks included, collapses to spaces
	 * @param prefix the first line's start ("1. ")
	 * @param indent every other line's start (" ")
	 * @return the wrapped text, without a final line break
	 */
	public String wrap(@Nullable String text, String prefix, String indent) {
		MailStencil.Recording stencil = MailStencil.recording();
		if (stencil != null && (marked(text) || marked(prefix) || marked(indent))) {
			return stencil.defer((text != null) ? text : "", prefix, indent);
		}
		// the words between runs of white space (as the regular expression \s+ finds
		// them), without a list of them: this wraps every paper's reasons
		String words = (text != null) ? text.strip() : "";
		StringBuilder wrapped = new StringBuilder(prefix.length() + words.length() + 16).append(prefix);
		int lineLength = prefix.length();
		boolean lineHasWord = false;
		int i = 0;
		while (i < words.length()) {
			while (i < words.length() && isSpace(words.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < words.length() && !isSpace(words.charAt(i))) {
				i++;
			}
			if (i == start) {
				break;
			}
			if (lineHasWord && lineLength + 1 + (i - start) > WIDTH) {
				wrapped.append('\n').append(indent);
				lineLength = indent.length();
				lineHasWord = false;
			}
			if (lineHasWord) {
				wrapped.append(' ');
				lineLength++;
			}
			wrapped.append(words, start, i);
			lineLength += i - start;
			lineHasWord = true;
		}
		return wrapped.toString().stripTrailing();
	}

	/**
	 * The non-blank lines of a multi-line value, such as a postal address.
	 * @param text the value
	 * @return its lines, stripped
	 */
	public List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		if (MailStencil.recording() != null && marked(text)) {
			throw new MailStencil.NotStencilable("#mail.lines over a recipient's value");
		}
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/**
	 * Whether a link may become an {@code href}: an absolute http or https URL, never
	 * {@code javascript:}, {@code data:} or anything else a client might run.
	 * @param url the link
	 * @return whether it is a web link
	 */
	public boolean isWebLink(@Nullable String url) {
		if (url == null) {
			return false;
		}
		if (MailStencil.recording() != null && marked(url)) {
			// a link slot's marker stands for a web link; any other value's cannot be
			// judged
			if (MailStencil.Recording.isLinkMarker(url)) {
				return true;
			}
			throw new MailStencil.NotStencilable("#mail.isWebLink over a recipient's value that is not a link");
		}
		int start = url.regionMatches(true, 0, "https://", 0, 8) ? 8
				: url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
		if (start < 0 || start == url.length()) {
			return false;
		}
		// as "https?://[^\\s\"'<>\\\\]+", without a regular expression: a digest checks
		// some fifty links per part
		for (int i = start; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\') {
				return false;
			}
			// printable ASCII is no white space
			if ((c <= ' ' || c >= 0x7f) && Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean marked(@Nullable String value) {
		return value != null && MailStencil.Recording.marked(value);
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

}
