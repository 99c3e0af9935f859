package dev.paperboy.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What mail templates need beyond Thymeleaf's own helpers, as {@code #mail} in every
 * template: plain text wrapped for a 72-column reader, multi-line values as lines, and a
 * check that a link is a web link before it becomes an {@code href}.
 */
public final class MailText {

	/** The widest line of a plain text part, links aside. */
	public static final int WIDTH = 72;

	static final MailText INSTANCE = new MailText();

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s\"'<>\\\\]+", Pattern.CASE_INSENSITIVE);

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
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/**
	 * Whether a link may become an {@code href}: an absolute http or https URL, never
	 * {@code javascript:}, {@code data:} or anything else a client might run.
	 * @param url the link
	 * @return whether it is a web link
	 */
	public boolean isWebLink(@Nullable String url) {
		return url != null && WEB_LINK.matcher(url).matches();
	}

	private static List<String> words(@Nullable String text) {
		List<String> words = new ArrayList<>();
		if (text != null) {
			for (String word : WHITESPACE.split(text.strip())) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
		return words;
	}

}
