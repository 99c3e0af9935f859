package dev.paperboy.digest.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperLinks;
import org.jspecify.annotations.Nullable;

/**
 * Builds a digest's items from catalog papers: the link to read, a short author list and
 * a summary of a few sentences, all plain text with whitespace collapsed.
 */
public final class DigestItems {

	/** The longest summary, in characters, before it is cut. */
	static final int SUMMARY_LENGTH = 280;

	static final int LISTED_AUTHORS = 3;

	private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s\"'<>\\\\]+", Pattern.CASE_INSENSITIVE);

	// Words whose period ends an abbreviation, not a sentence: "e.g. BERT", "Fig. 2".
	private static final Set<String> ABBREVIATIONS = Set.of("al", "approx", "ca", "cf", "ch", "dr", "eq", "eqs", "etc",
			"fig", "figs", "inc", "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "pp", "prof", "ref", "refs", "resp",
			"sec", "sect", "sr", "st", "tab", "vol", "vs");

	private static final Pattern DOTTED_ABBREVIATION = Pattern.compile("\\p{L}(\\.\\p{L})+");

	private DigestItems() {
	}

	/**
	 * One item of a digest.
	 * @param position the item's place in the digest, from 1
	 * @param paper the paper
	 * @param reasons why it was picked, plain sentences
	 * @param moreUrl the signed "more like this" link
	 * @param lessUrl the signed "less like this" link
	 * @return the item
	 */
	public static DigestView.Item item(int position, Paper paper, List<String> reasons, String moreUrl,
			String lessUrl) {
		PaperLinks links = paper.links();
		String url = webLink(links.huggingFace());
		if (url == null) {
			url = webLink(links.arxiv());
		}
		return new DigestView.Item(position, paper.key(), collapse(paper.title()), url, authors(paper.authors()),
				summary(paper.summary(), paper.abstractText()), paper.upvotes(), webLink(links.pdf()),
				webLink(links.code()), reasons.stream().map(DigestItems::collapse).toList(), moreUrl, lessUrl);
	}

	/**
	 * A link that may be shown: an absolute http or https URL, else null.
	 * @param url a link from a source
	 * @return the link, stripped, or null
	 */
	public static @Nullable String webLink(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String stripped = url.strip();
		return WEB_LINK.matcher(stripped).matches() ? stripped : null;
	}

	/**
	 * The authors as a digest shows them: all of up to four, else the first three and "et
	 * al.".
	 * @param authors the authors in order
	 * @return "A, B, C et al.", or "" when there are none
	 */
	public static String authors(List<String> authors) {
		List<String> names = authors.stream().map(DigestItems::collapse).filter((name) -> !name.isEmpty()).toList();
		if (names.size() > LISTED_AUTHORS + 1) {
			return String.join(", ", names.subList(0, LISTED_AUTHORS)) + " et al.";
		}
		return String.join(", ", names);
	}

	/**
	 * The summary a digest shows: the source's own when it has one, else the abstract's
	 * first sentences, either way at most about {@value #SUMMARY_LENGTH} characters.
	 * @param summary the source's one-line summary, if any
	 * @param abstractText the abstract
	 * @return whole sentences, or a sentence cut at a word and ended with "…"
	 */
	public static String summary(@Nullable String summary, @Nullable String abstractText) {
		String text = collapse(summary);
		return shorten(text.isEmpty() ? collapse(abstractText) : text, SUMMARY_LENGTH);
	}

	static String shorten(String text, int limit) {
		if (text.length() <= limit) {
			return text;
		}
		int end = lastSentenceEnd(text, limit);
		if (end > 0) {
			return text.substring(0, end);
		}
		int space = text.lastIndexOf(' ', limit - 1);
		int at = (space > 0) ? space : limit - 1;
		if (Character.isHighSurrogate(text.charAt(at - 1))) {
			at--;
		}
		String cut = text.substring(0, at);
		return cut.replaceAll("[\\s,;:(\\[-]+$", "") + "…";
	}

	// The end of the last whole sentence within the limit, or 0: a period, question or
	// exclamation mark (and closing quotes or brackets) followed by a space and a
	// sentence start, where the period does not end an abbreviation or a number.
	private static int lastSentenceEnd(String text, int limit) {
		int found = 0;
		for (int i = 0; i < text.length() - 2 && i < limit; i++) {
			char c = text.charAt(i);
			if (c != '.' && c != '!' && c != '?') {
				continue;
			}
			int end = i + 1;
			while (end < text.length() && "\"')]’”".indexOf(text.charAt(end)) >= 0) {
				end++;
			}
			if (end > limit || end + 1 >= text.length() || text.charAt(end) != ' ') {
				continue;
			}
			char next = text.charAt(end + 1);
			boolean startsSentence = Character.isUpperCase(next) || Character.isDigit(next)
					|| "\"'([“‘".indexOf(next) >= 0;
			if (startsSentence && (c != '.' || !endsAbbreviation(text, i))) {
				found = end;
			}
		}
		return found;
	}

	private static boolean endsAbbreviation(String text, int period) {
		int start = period;
		while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))
				&& "([\"'".indexOf(text.charAt(start - 1)) < 0) {
			start--;
		}
		String word = text.substring(start, period);
		if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
			// an initial: "J. Smith"
			return true;
		}
		return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)) || DOTTED_ABBREVIATION.matcher(word).matches();
	}

	// Every run of Unicode white space becomes one space, as the regular expression
	// \s+ with UNICODE_CHARACTER_CLASS would replace it, but in one pass without
	// it: this runs on the abstract of every paper in every digest sent.
	static String collapse(@Nullable String text) {
		if (text == null) {
			return "";
		}
		char[] collapsed = new char[text.length()];
		int length = 0;
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isWhiteSpace(c)) {
				collapsed[length++] = c;
				space = false;
			}
			else if (!space) {
				collapsed[length++] = ' ';
				space = true;
			}
		}
		return new String(collapsed, 0, length).strip();
	}

	// Unicode's White_Space property (all of it is in the Basic Multilingual Plane).
	static boolean isWhiteSpace(char c) {
		return switch (c) {
			case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
					'\u205F', '\u3000' ->
				true;
			default -> c >= '\u2000' && c <= '\u200A';
		};
	}

}
