package dev.paperboy.subscription;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a subscriber wants: interests, keywords, authors and categories to follow, and
 * when and how much to receive. {@link #delivery()} is the part that says when, which is
 * all digest's schedules read.
 *
 * @param interests one or two sentences in the subscriber's words
 * @param keywords a web-search style query
 * ({@code "spiking neural" OR neuromorphic -survey})
 * @param authors authors to follow
 * @param categories arXiv categories to follow; one written with a leading {@code -}
 * ({@code -cs.CV}) excludes its papers instead
 * @param cadence daily or weekly
 * @param weekday the day of a weekly digest
 * @param deliveryHour the hour of delivery, 0 to 23, in the subscriber's time zone
 * @param timeZone the subscriber's time zone
 * @param papersPerDigest 1 to 50
 * @param minUpvotes only papers with at least this many Hugging Face upvotes (0: no
 * minimum; with a minimum, papers without upvotes, such as arXiv-only ones, are left out)
 * @param whenEmpty what to send when nothing matched in a period, or null for the
 * service's default ({@code paperboy.digest.when-empty})
 */
public record Profile(String interests, String keywords, List<String> authors, List<String> categories, Cadence cadence,
		DayOfWeek weekday, int deliveryHour, ZoneId timeZone, int papersPerDigest, int minUpvotes,
		@Nullable WhenEmpty whenEmpty) {

	private static final Pattern CATEGORY = Pattern.compile("-?[a-zA-Z][a-zA-Z\\-]*(\\.[A-Za-z\\-]+)?");

	public static final Profile DEFAULT = new Profile("", "", List.of(), List.of(), Cadence.DAILY, DayOfWeek.MONDAY, 7,
			ZoneId.of("UTC"), 10);

	public Profile {
		authors = List.copyOf(authors);
		categories = List.copyOf(categories);
	}

	public Profile(String interests, String keywords, List<String> authors, List<String> categories, Cadence cadence,
			DayOfWeek weekday, int deliveryHour, ZoneId timeZone, int papersPerDigest) {
		this(interests, keywords, authors, categories, cadence, weekday, deliveryHour, timeZone, papersPerDigest, 0);
	}

	public Profile(String interests, String keywords, List<String> authors, List<String> categories, Cadence cadence,
			DayOfWeek weekday, int deliveryHour, ZoneId timeZone, int papersPerDigest, int minUpvotes) {
		this(interests, keywords, authors, categories, cadence, weekday, deliveryHour, timeZone, papersPerDigest,
				minUpvotes, null);
	}

	/**
	 * @return when to deliver: what digest's schedules read, and nothing else of the
	 * profile
	 */
	public DeliverySchedule delivery() {
		return new DeliverySchedule(this.cadence, this.weekday, this.deliveryHour, this.timeZone);
	}

	/**
	 * @return this profile with nothing to match (no interests, keywords, authors,
	 * categories or minimum), as many papers per digest: what a digest of trending papers
	 * is selected with
	 */
	public Profile withNothingToMatch() {
		return new Profile("", "", List.of(), List.of(), this.cadence, this.weekday, this.deliveryHour, this.timeZone,
				this.papersPerDigest);
	}

	/**
	 * What a digest holds when nothing matched the profile in its period: the
	 * subscriber's choice, and the service's default
	 * ({@code paperboy.digest.when-empty}).
	 */
	public enum WhenEmpty {

		/** No digest for that period. */
		SKIP,

		/** The period's trending papers, labelled as such. */
		TRENDING

	}

	/** How often a digest goes out. */
	public enum Cadence {

		DAILY, WEEKLY

	}

	/**
	 * Validates a profile from a form or the API.
	 * @param interests free text
	 * @param keywords a query
	 * @param authors separated by commas or semicolons
	 * @param categories separated by commas or spaces
	 * @param cadence DAILY or WEEKLY
	 * @param weekday MONDAY to SUNDAY
	 * @param deliveryHour 0 to 23
	 * @param timeZone an IANA time zone
	 * @param papersPerDigest 1 to 50
	 * @return the profile
	 * @throws InvalidInputException naming the field that is wrong
	 */
	public static Profile of(@Nullable String interests, @Nullable String keywords, @Nullable String authors,
			@Nullable String categories, @Nullable String cadence, @Nullable String weekday,
			@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest) {
		return of(interests, keywords, authors, categories, cadence, weekday, deliveryHour, timeZone, papersPerDigest,
				null);
	}

	/**
	 * Validates a profile from a form or the API.
	 * @param interests free text
	 * @param keywords a query
	 * @param authors separated by commas or semicolons
	 * @param categories separated by commas or spaces; {@code -cs.CV} excludes
	 * @param cadence DAILY or WEEKLY
	 * @param weekday MONDAY to SUNDAY
	 * @param deliveryHour 0 to 23
	 * @param timeZone an IANA time zone
	 * @param papersPerDigest 1 to 50
	 * @param minUpvotes 0 to 100000
	 * @return the profile
	 * @throws InvalidInputException naming the field that is wrong
	 */
	public static Profile of(@Nullable String interests, @Nullable String keywords, @Nullable String authors,
			@Nullable String categories, @Nullable String cadence, @Nullable String weekday,
			@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest,
			@Nullable Integer minUpvotes) {
		return of(interests, keywords, authors, categories, cadence, weekday, deliveryHour, timeZone, papersPerDigest,
				minUpvotes, null);
	}

	/**
	 * Validates a profile from a form or the API.
	 * @param interests free text
	 * @param keywords a query
	 * @param authors separated by commas or semicolons
	 * @param categories separated by commas or spaces; {@code -cs.CV} excludes
	 * @param cadence DAILY or WEEKLY
	 * @param weekday MONDAY to SUNDAY
	 * @param deliveryHour 0 to 23
	 * @param timeZone an IANA time zone
	 * @param papersPerDigest 1 to 50
	 * @param minUpvotes 0 to 100000
	 * @param whenEmpty SKIP, TRENDING, or empty for the service's default
	 * @return the profile
	 * @throws InvalidInputException naming the field that is wrong
	 */
	public static Profile of(@Nullable String interests, @Nullable String keywords, @Nullable String authors,
			@Nullable String categories, @Nullable String cadence, @Nullable String weekday,
			@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest,
			@Nullable Integer minUpvotes, @Nullable String whenEmpty) {
		return new Profile(text("interests", interests, 1000), text("keywords", keywords, 500),
				split("authors", authors, "[;,]", 50), categories(categories), cadence(cadence), weekday(weekday),
				range("delivery hour", deliveryHour, 0, 23, 7), zone(timeZone),
				range("papers per digest", papersPerDigest, 1, 50, 10),
				range("minimum upvotes", minUpvotes, 0, 100_000, 0), whenEmpty(whenEmpty));
	}

	private static @Nullable WhenEmpty whenEmpty(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (WhenEmpty choice : WhenEmpty.values()) {
			if (choice.name().equalsIgnoreCase(value.strip())) {
				return choice;
			}
		}
		throw new InvalidInputException("whenEmpty", "must be SKIP or TRENDING (or empty for the service's default)");
	}

	/**
	 * @return the categories to follow (those without a leading {@code -})
	 */
	public List<String> followedCategories() {
		return this.categories.stream().filter((category) -> !category.startsWith("-")).toList();
	}

	/**
	 * @return the categories whose papers are excluded, without their {@code -}
	 */
	public List<String> excludedCategories() {
		return this.categories.stream()
			.filter((category) -> category.startsWith("-"))
			.map((category) -> category.substring(1))
			.toList();
	}

	static String text(String field, @Nullable String value, int max) {
		if (value == null) {
			return "";
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			// Nothing typed into a form ever needs a line break; refusing them everywhere
			// (Unicode's line and paragraph separators too) keeps them out of anything
			// that might end up in a header.
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				throw new InvalidInputException(field, "must not contain line breaks or control characters");
			}
			// Half a UTF-16 pair is no text: PostgreSQL would store it as '?'.
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidInputException(field, "must be valid Unicode text (it has an unpaired surrogate)");
			}
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return text;
	}

	private static List<String> split(String field, @Nullable String value, String separator, int max) {
		List<String> items = new ArrayList<>();
		for (String item : text(field, value, 5000).split(separator)) {
			String stripped = item.strip();
			if (!stripped.isEmpty() && !items.contains(stripped)) {
				if (stripped.length() > 200) {
					throw new InvalidInputException(field, "entries must be at most 200 characters");
				}
				items.add(stripped);
			}
		}
		if (items.size() > max) {
			throw new InvalidInputException(field, "at most " + max + " entries");
		}
		return items;
	}

	private static List<String> categories(@Nullable String value) {
		List<String> categories = split("categories", value, "[,\\s]+", 50);
		for (String category : categories) {
			if (!CATEGORY.matcher(category).matches()) {
				throw new InvalidInputException("categories", "'" + category + "' is not an arXiv category");
			}
		}
		return categories;
	}

	private static Cadence cadence(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Cadence.DAILY;
		}
		try {
			return Cadence.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("cadence", "must be DAILY or WEEKLY");
		}
	}

	private static DayOfWeek weekday(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DayOfWeek.MONDAY;
		}
		try {
			return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("weekday", "must be a day of the week");
		}
	}

	private static int range(String field, @Nullable Integer value, int min, int max, int fallback) {
		if (value == null) {
			return fallback;
		}
		if (value < min || value > max) {
			throw new InvalidInputException(field, "must be between " + min + " and " + max);
		}
		return value;
	}

	private static ZoneId zone(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("time zone", "is not a known time zone");
		}
	}

}
