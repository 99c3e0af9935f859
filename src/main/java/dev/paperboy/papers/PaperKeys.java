package dev.paperboy.papers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How papers are identified: by arXiv id without version when known, otherwise by a hash
 * of the normalized title.
 */
public final class PaperKeys {

	// New-style ids (2602.23229, 0704.0001) and old-style ones (hep-th/9901001,
	// math.GT/0309136)
	private static final Pattern ARXIV_ID = Pattern
		.compile("(?<![\\w.])(\\d{4}\\.\\d{4,5}|[a-z][a-z\\-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?!\\w)(?!\\.\\d)");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	private PaperKeys() {
	}

	/**
	 * Finds an arXiv id in an id, an abs or pdf URL or an OAI identifier, without its
	 * version.
	 * @param text an id, URL or identifier
	 * @return the arXiv id, if there is one
	 */
	public static Optional<String> arxivId(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = ARXIV_ID.matcher(text.strip());
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * A title lowercased, compatibility-normalized and stripped of punctuation and
	 * spacing, so that "Attention Is All You Need." and "attention is all you need" are
	 * the same.
	 * @param title a title
	 * @return its normalized form
	 */
	public static String normalizeTitle(String title) {
		String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return NOT_ALPHANUMERIC.matcher(folded).replaceAll(" ").strip();
	}

	/**
	 * The hash that identifies a paper by title.
	 * @param title a title
	 * @return 16 hex digits of the SHA-256 of the normalized title
	 */
	public static String titleHash(String title) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalizeTitle(title).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key of a paper that has no arXiv id.
	 * @param title its title
	 * @return {@code h-} and the title hash
	 */
	public static String titleKey(String title) {
		return "h-" + titleHash(title);
	}

}
