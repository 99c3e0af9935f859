package dev.paperboy.subscription;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the console looks for among subscribers: text in one place, one state, an order,
 * and a page. Pages stop at {@link #MAX_OFFSET} rows in: past that, narrow the search.
 *
 * @param text what to look for, or null for everything
 * @param in where to look for it
 * @param state only this state, or null
 * @param sort the order
 * @param page the page, from 0
 * @param size rows per page
 */
public record SubscriberSearch(@Nullable String text, In in, Subscriber.@Nullable Status state, Sort sort, int page,
		int size) {

	/** How far into the results a page may start. */
	public static final int MAX_OFFSET = 10_000;

	/** Rows per page in the console. */
	public static final int PAGE_SIZE = 50;

	/**
	 * Reads a search from request parameters.
	 * @param text what to look for
	 * @param in {@code address} (starts with), {@code contains} (address) or
	 * {@code interests}
	 * @param state a state's name
	 * @param sort {@code created}, {@code address} or {@code state}
	 * @param page from 0
	 * @return the search
	 * @throws InvalidInputException naming the parameter that is wrong
	 */
	public static SubscriberSearch of(@Nullable String text, @Nullable String in, @Nullable String state,
			@Nullable String sort, @Nullable Integer page) {
		String wanted = (text != null && !text.isBlank()) ? text.strip() : null;
		if (wanted != null && (wanted.length() > 200 || wanted.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidInputException("q", "must be at most 200 characters on one line");
		}
		In where = choice(In.class, "in", in, In.ADDRESS);
		if (wanted != null && where == In.CONTAINS && wanted.length() < 3) {
			throw new InvalidInputException("q", "needs at least 3 characters to search inside addresses");
		}
		int number = (page != null) ? page : 0;
		if (number < 0 || (long) number * PAGE_SIZE > MAX_OFFSET) {
			throw new InvalidInputException("page", "must be 0 to " + MAX_OFFSET / PAGE_SIZE + ": narrow the search");
		}
		return new SubscriberSearch(wanted, where, choice(Subscriber.Status.class, "state", state, null),
				choice(Sort.class, "sort", sort, Sort.CREATED), number, PAGE_SIZE);
	}

	/**
	 * @return this search's first page, for an export
	 */
	public SubscriberSearch firstPage() {
		return new SubscriberSearch(this.text, this.in, this.state, this.sort, 0, this.size);
	}

	private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String name, @Nullable String value,
			@Nullable E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(name,
					"must be one of " + java.util.Arrays.stream(type.getEnumConstants())
						.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
						.toList());
		}
	}

	/** Where the text is looked for. */
	public enum In {

		/** The address starts with it. */
		ADDRESS,

		/** The address contains it. */
		CONTAINS,

		/** The interests or keywords have its words. */
		INTERESTS

	}

	/** The order of the results. */
	public enum Sort {

		/** Newest first. */
		CREATED,

		/** By address. */
		ADDRESS,

		/** By state, then oldest first. */
		STATE

	}

}
