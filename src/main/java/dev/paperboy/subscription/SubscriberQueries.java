package dev.paperboy.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's subscriber search, on the indexes of V16 (each filter names its index).
 */
@Repository
class SubscriberQueries {

	private static final String COLUMNS = "id, email, status, interests, keywords, created_at, confirmed_at";

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
		return this.jdbc.sql(select(search) + " limit :limit offset :offset")
			.paramSource(params)
			.query(SubscriberQueries::row)
			.list();
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

	private static String select(SubscriberSearch search) {
		List<String> where = new ArrayList<>();
		if (search.state() != null) {
			where.add("status = :state"); // subscriber_status_id_idx
		}
		if (search.text() != null) {
			where.add(switch (search.in()) {
				case ADDRESS -> "email_key like :text"; // subscriber_email_key_prefix_idx
				case CONTAINS -> "email_key like :text"; // subscriber_email_key_trgm_idx
				case INTERESTS -> "search_words @@ websearch_to_tsquery('english', :text)"; // subscriber_search_words_idx
			});
		}
		// ids follow creation (an identity), so "newest" walks the primary key backwards
		String order = switch (search.sort()) {
			case CREATED -> "id desc";
			case ADDRESS -> "email_key, id"; // the unique index on email_key
			case STATE -> "status, id"; // subscriber_status_id_idx
		};
		return "select " + COLUMNS + " from subscriber"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by " + order;
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
