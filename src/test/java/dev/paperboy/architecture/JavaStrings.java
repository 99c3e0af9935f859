package dev.paperboy.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string literals and text blocks of a Java source file, with the line each starts
 * on. Comments and character literals are skipped, so a comment that mentions a table is
 * not SQL; literals joined with {@code +} come out as one string (with the line breaks
 * between them), so a statement split over several literals is read whole.
 */
final class JavaStrings {

	private static final Pattern CONCATENATION = Pattern.compile("\\s*\\+\\s*");

	private JavaStrings() {
	}

	/**
	 * One string of the source.
	 *
	 * @param line the line its first literal starts on, from 1
	 * @param text its content (escape sequences left as written), one line of text for
	 * each line of source
	 */
	record Literal(int line, String text) {

	}

	static List<Literal> in(String source) {
		Scanner scanner = new Scanner(source);
		List<Literal> literals = new ArrayList<>();
		int previousEnd = -1;
		while (scanner.hasMore()) {
			String text = scanner.nextLiteral();
			if (text == null) {
				continue;
			}
			String between = (previousEnd >= 0) ? source.substring(previousEnd, scanner.literalStart) : "";
			if (previousEnd >= 0 && CONCATENATION.matcher(between).matches()) {
				// the line breaks between the pieces kept, so each line of the text is a
				// line of the source
				Literal previous = literals.remove(literals.size() - 1);
				String breaks = "\n".repeat((int) between.chars().filter((c) -> c == '\n').count());
				literals.add(new Literal(previous.line(), previous.text() + breaks + text));
			}
			else {
				literals.add(new Literal(scanner.literalLine, text));
			}
			previousEnd = scanner.position;
		}
		return literals;
	}

	/**
	 * Walks the source one token of interest at a time.
	 */
	private static final class Scanner {

		private final String source;

		private int position;

		private int line = 1;

		private int literalStart;

		private int literalLine;

		Scanner(String source) {
			this.source = source;
		}

		boolean hasMore() {
			return this.position < this.source.length();
		}

		/**
		 * Skips to the end of the next comment, character literal or string and returns
		 * the string's content, or null when what was skipped was not a string.
		 */
		String nextLiteral() {
			char c = this.source.charAt(this.position);
			if (this.source.startsWith("//", this.position)) {
				skipTo("\n", false);
				return null;
			}
			if (this.source.startsWith("/*", this.position)) {
				skipTo("*/", false);
				return null;
			}
			if (c == '\'') {
				this.position++;
				skipTo("'", true);
				return null;
			}
			if (c == '"') {
				this.literalStart = this.position;
				this.literalLine = this.line;
				boolean textBlock = this.source.startsWith("\"\"\"", this.position);
				this.position += textBlock ? 3 : 1;
				int contentStart = this.position;
				skipTo(textBlock ? "\"\"\"" : "\"", true);
				int delimiter = textBlock ? 3 : 1;
				return this.source.substring(contentStart, Math.max(contentStart, this.position - delimiter));
			}
			if (c == '\n') {
				this.line++;
			}
			this.position++;
			return null;
		}

		/**
		 * Moves past the next {@code end}, counting lines; with {@code escapes}, a
		 * backslash hides the character after it.
		 */
		private void skipTo(String end, boolean escapes) {
			while (this.position < this.source.length()) {
				char c = this.source.charAt(this.position);
				if (c == '\n') {
					this.line++;
				}
				if (escapes && c == '\\') {
					this.position++;
					if (this.position < this.source.length() && this.source.charAt(this.position) == '\n') {
						this.line++;
					}
					this.position++;
					continue;
				}
				if (this.source.startsWith(end, this.position)) {
					this.position += end.length();
					return;
				}
				this.position++;
			}
		}

	}

}
