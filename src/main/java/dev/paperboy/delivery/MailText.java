package dev.paperboy.delivery;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What mail templates need beyond Thymeleaf's own helpers, as {@code #mail} in every
 * template: plain text wrapped for a 72-column reader, multi-line values as lines, and a
 * check that a link is a web link before it becomes an {@code href}.
 */
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
		StringBuilder wrapped = new StringBuilder(prefix);
		int lineLength = prefix.length();
		boolean lineHasWord = false;
		for (String word : words(text)) {
			if (lineHasWord && lineLength + 1 + word.length() > WIDTH) {
				wrapped.append('\n').append(indent);
				lineLength = indent.length();
				lineHasWord = false;
			}
			if (lineHasWord) {
				wrapped.append(' ');
				lineLength++;
			}
			wrapped.append(word);
			lineLength += word.length();
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
			if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	private static boolean marked(@Nullable String value) {
		return value != null && MailStencil.Recording.marked(value);
	}

	// The words between runs of white space (as the regular expression \s+ finds them).
	private static List<String> words(@Nullable String text) {
		List<String> words = new ArrayList<>();
		if (text != null) {
			text = text.strip();
			int start = -1;
			for (int i = 0; i <= text.length(); i++) {
				boolean space = i == text.length() || isSpace(text.charAt(i));
				if (space && start >= 0) {
					words.add(text.substring(start, i));
					start = -1;
				}
				else if (!space && start < 0) {
					start = i;
				}
			}
		}
		return words;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

}
