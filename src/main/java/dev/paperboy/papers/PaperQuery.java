package dev.paperboy.papers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search of the catalog.
 *
 * @param text a web-search style query
 * ({@code "spiking neural" OR neuromorphic -survey}), or null for all papers newest first
 * @param from earliest day (publication, else featured, else first seen), inclusive
 * @param to latest day, inclusive
 * @param limit page size
 * @param page page number from 0
 * @param source only papers this source has seen, or null for all
 * @param minUpvotes only papers with at least this many upvotes, or null for all
 */
public record PaperQuery(@Nullable String text, @Nullable LocalDate from, @Nullable LocalDate to, int limit, int page,
		@Nullable String source, @Nullable Integer minUpvotes) {

	public static final int MAX_LIMIT = 100;

	public PaperQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
		if (minUpvotes != null && minUpvotes < 0) {
			throw new IllegalArgumentException("minimum upvotes must be 0 or more");
		}
		text = (text == null || text.isBlank()) ? null : text.strip();
		source = (source == null || source.isBlank()) ? null : source.strip();
	}

	public PaperQuery(@Nullable String text, @Nullable LocalDate from, @Nullable LocalDate to, int limit, int page) {
		this(text, from, to, limit, page, null, null);
	}

}
