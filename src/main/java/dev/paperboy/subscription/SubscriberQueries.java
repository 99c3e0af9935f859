package dev.paperboy.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's subscriber search, on the indexes of V16, V20 and V23 (each filter names
 * its index).
 */
@Repository
class SubscriberQueries {

	private static final String COLUMNS = "id, email, status, interests, keywords, created_at, confirmed_at";

	/** Fewer matches than this are all read and sorted (see {@link #fewMatches}). */
	static final int FEW = 2_000;

	/**
	 * How many rows in order a search with many matches tries before reading them all,
	 * beside 40 per row up to the page's end (enough when 1 row in 40 matches).
	 */
	static final int WALK = 2_000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	SubscriberQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		// Rows come in batches (inside a transaction, PostgreSQL's driver then uses a
		// cursor): an export of a million rows never sits in memory at once.
		fetching.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
	}

	/**
	 * @return one more row than the page holds when another page follows
	 */
	List<SubscriberRow> page(SubscriberSearch search) {
		MapSqlParameterSource params = params(search);
		params.addValue("limit", search.size() + 1).addValue("offset", search.page() * search.size());
		// Bounded offset (SubscriberSearch.MAX_OFFSET): at most 10,000 rows skipped, on
		// an index in the sort's order.
		if (search.text() == null || addressOnly(search)) {
			return list(pageOf(search), params);
		}
		if (fewMatches(search, params)) {
			return list(fromMatches(search), params);
		}
		if (byWords(search)) {
			return list(wordsInAddressOrder(search), params);
		}
		// Many matches, usually spread along the order: the first rows in order hold the
		// page (WALK and 40 per row to the page's end; the page 20 of a word in a tenth
		// of
		// the list walks 44,000 rows of the primary key, 25 ms). When they do not (the
		// matches bunch up further along, as the seed's
		// interests do in address order: 250,000 rows walked, 1.4 to 4 s), all matches
		// through the filter's index, sorted.
		List<SubscriberRow> walked = list(walk(search),
				params.addValue("walk", WALK + 40 * (search.page() + 1) * (search.size() + 1)));
		return (walked.size() > search.size()) ? walked : list(fromMatches(search), params);
	}

	private List<SubscriberRow> list(String sql, MapSqlParameterSource params) {
		return this.jdbc.sql(sql).paramSource(params).query(SubscriberQueries::row).list();
	}

	// The first WALK rows in the sort's order (with a state: of that state), through the
	// order's index, then the text filter on them: exact when they hold a whole page.
	private static String walk(SubscriberSearch search) {
		return "select " + COLUMNS + " from (select * from subscriber"
				+ ((search.state() != null) ? " where " + stateFilter() : "") + " order by " + order(search)
				+ " limit :walk) walked where " + textFilter(search) + " order by " + order(search)
				+ " limit :limit offset :offset";
	}

	/**
	 * Hands every match, in order, to the consumer; call within a transaction.
	 */
	void each(SubscriberSearch search, Consumer<SubscriberRow> consumer) {
		this.streaming.query(select(search), params(search), (ResultSet rs) -> {
			consumer.accept(row(rs, 0));
		});
	}

	long estimatedTotal() {
		// The planner's figure, kept by autovacuum and analyze: no count(*) per page
		// view.
		return this.jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'subscriber'::regclass")
			.query(Long.class)
			.single();
	}

	/**
	 * Whether a text search finds fewer than {@link #FEW} rows: a count that stops there,
	 * through the filter's index (the prefix index's range, or a bitmap of the GIN
	 * index). The planner's guess for these filters can be far off ("%alan12%" taken for
	 * 10,000 rows, an absent interest word for 5,000, "grace.alan7%" whose matches are
	 * the ids from 700,000 on), and a walk in the sort's order that finds few reads much
	 * of the table (0.5 s and 11 s measured); so the plan is chosen on this bounded count
	 * instead.
	 */
	private boolean fewMatches(SubscriberSearch search, MapSqlParameterSource params) {
		if (search.text() == null || addressOnly(search)) {
			return false;
		}
		Long found = this.jdbc
			.sql("select count(*) from (select 1 from subscriber" + where(search) + " limit " + FEW + ") matched")
			.paramSource(params)
			.query(Long.class)
			.single();
		return found < FEW;
	}

	// Few matches: all of them through the filter's index
	// (subscriber_email_key_prefix_idx,
	// subscriber_email_key_trgm_idx or subscriber_search_words_idx), kept apart from the
	// order by MATERIALIZED, sorted in memory.
	private static String fromMatches(SubscriberSearch search) {
		return "with matched as materialized (select " + COLUMNS + ", email_key from subscriber" + where(search)
				+ ") select " + COLUMNS + " from matched order by " + order(search) + " limit :limit offset :offset";
	}

	// Words only (no quotes, "or", negation: websearch_to_tsquery's syntax), so that the
	// query is every one of their lexemes and any one of them can lead.
	private static final Pattern WORDS = Pattern
		.compile("[\\p{L}\\p{N}]+(?:[-'.][\\p{L}\\p{N}]+)*(?:\\s+[\\p{L}\\p{N}]+(?:[-'.][\\p{L}\\p{N}]+)*)*");

	private static final Pattern OR = Pattern.compile("(?i)(?:^|\\s)or(?:\\s|$)");

	// Many matches of interest words sorted by address: walked through subscriber_word
	// (V23) instead of all read and sorted. A word's matches can bunch up anywhere in
	// address order, so the walk in address order of the table (above) may find none in
	// its first rows, and reading 100,000 matches through the GIN index to sort them took
	// 265 to 414 ms.
	private static boolean byWords(SubscriberSearch search) {
		return search.sort() == SubscriberSearch.Sort.ADDRESS && search.in() == SubscriberSearch.In.INTERESTS
				&& search.text() != null && WORDS.matcher(search.text().strip()).matches()
				&& !OR.matcher(search.text()).find();
	}

	// The first lexeme's subscribers in address order (subscriber_word_idx, a range read
	// in order), each checked against the whole query and the state through the unique
	// address index; "offset 0" keeps the subscriber's lookup inside the loop, so the
	// walk stops at the page's end.
	private static String wordsInAddressOrder(SubscriberSearch search) {
		return "select " + COLUMNS + " from subscriber_word w cross join lateral (select " + COLUMNS
				+ " from subscriber s where s.email_key = w.email_key and " + textFilter(search)
				+ ((search.state() != null) ? " and " + stateFilter() : "") + " offset 0) s"
				+ " where w.word = (select lexeme from unnest(to_tsvector('english', :text)) limit 1)"
				+ " order by w.email_key using ~<~ limit :limit offset :offset";
	}

	// sorted by address, and filtered (if at all) by the address and the state
	private static boolean addressOnly(SubscriberSearch search) {
		return search.sort() == SubscriberSearch.Sort.ADDRESS && search.in() != SubscriberSearch.In.INTERESTS;
	}

	private static String pageOf(SubscriberSearch search) {
		if (addressOnly(search)) {
			// Every filter is on the address index's own columns: the page's addresses
			// come from an index-only scan of subscriber_email_key_prefix_idx (or, with a
			// state, subscriber_status_email_idx) that tests "contains" on the index
			// entries, without reading a row for each; then the page's 50 rows by the
			// unique index. "Contains" matches may sit far apart in address order
			// ("%tim%"
			// skips 42,500 addresses from "ada." on): read from the table, that walk took
			// 0.7 s.
			return "select " + COLUMNS + " from subscriber where email_key in (select email_key from subscriber"
					+ where(search) + " order by email_key using ~<~ limit :limit offset :offset)"
					+ " order by email_key using ~<~";
		}
		return select(search) + " limit :limit offset :offset";
	}

	private static String select(SubscriberSearch search) {
		return "select " + COLUMNS + " from subscriber" + where(search) + " order by " + order(search);
	}

	private static String where(SubscriberSearch search) {
		List<String> where = new ArrayList<>();
		if (search.state() != null) {
			where.add(stateFilter());
		}
		if (search.text() != null) {
			where.add(textFilter(search));
		}
		return where.isEmpty() ? "" : " where " + String.join(" and ", where);
	}

	// subscriber_status_id_idx, subscriber_status_email_idx
	private static String stateFilter() {
		return "status = :state";
	}

	private static String textFilter(SubscriberSearch search) {
		return switch (search.in()) {
			case ADDRESS -> "email_key like :text"; // subscriber_email_key_prefix_idx
			case CONTAINS -> "email_key like :text"; // subscriber_email_key_trgm_idx
			case INTERESTS -> "search_words @@ websearch_to_tsquery('english', :text)"; // subscriber_search_words_idx
		};
	}

	private static String order(SubscriberSearch search) {
		// ids follow creation (an identity), so "newest" walks the primary key backwards
		return switch (search.sort()) {
			case CREATED -> "id desc";
			// The operator class's own order (byte order, which is the order of the
			// database's C.UTF-8 collation) so that one index serves both "starts with"
			// (a range of it) and the order: ordered by the collation instead, a prefix
			// search walked the unique index from "a" and filtered up to a million rows
			// (12 s for "tim" among the PENDING). With a state:
			// subscriber_status_email_idx
			// (V20), the state's rows already in this order.
			case ADDRESS -> "email_key using ~<~"; // subscriber_email_key_prefix_idx;
													// email_key is unique
			case STATE -> "status, id"; // subscriber_status_id_idx
		};
	}

	private static MapSqlParameterSource params(SubscriberSearch search) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (search.state() != null) {
			params.addValue("state", search.state().name());
		}
		if (search.text() != null) {
			String key = search.text().toLowerCase(Locale.ROOT);
			params.addValue("text", switch (search.in()) {
				case ADDRESS -> escapeLike(key) + "%";
				case CONTAINS -> "%" + escapeLike(key) + "%";
				case INTERESTS -> search.text();
			});
		}
		return params;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static SubscriberRow row(ResultSet rs, int n) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new SubscriberRow(rs.getLong("id"), rs.getString("email"),
				Subscriber.Status.valueOf(rs.getString("status")), rs.getString("interests"), rs.getString("keywords"),
				rs.getTimestamp("created_at").toInstant(), (confirmed != null) ? confirmed.toInstant() : null);
	}

}
