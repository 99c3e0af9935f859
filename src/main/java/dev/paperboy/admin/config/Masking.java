package dev.paperboy.admin.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What of a configuration value may be shown: nothing of a property whose name says it
 * holds a secret, and no credentials inside a URL (user-info, password parameters).
 */
final class Masking {

	static final String MASK = "******";

	private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "key", "salt",
			"credentials");

	// scheme://user:password@host -> scheme://******@host
	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s?#]+@");

	// ?password=... ;password=... &secret=...
	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret|token|key|salt|credentials)[a-z_-]*=)[^&;\\s]*");

	private Masking() {
	}

	/**
	 * @param name a property's name
	 * @return whether its value is a secret, by its name
	 */
	static boolean isSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_WORDS.stream().anyMatch(lower::contains);
	}

	/**
	 * @param name a property's name
	 * @param value its value
	 * @return what may be shown of it
	 */
	static String mask(String name, String value) {
		if (isSecret(name)) {
			return value.isEmpty() ? "" : MASK;
		}
		String masked = USER_INFO.matcher(value).replaceAll(MASK + "@");
		return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
	}

}
