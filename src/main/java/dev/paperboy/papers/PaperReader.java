package dev.paperboy.papers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads papers: by key and by full-text search.
 */
@Component
class PaperReader {

	private static final String COLUMNS = """
			p.key, p.arxiv_id, p.title, p.abstract, p.authors, p.categories, p.arxiv_url, p.pdf_url, p.hf_url,
			p.code_url, p.project_url, p.published_on, p.featured_on, p.first_seen_at, p.upvotes, p.comments,
			p.keywords, p.summary, p.sources""";

	private final JdbcClient jdbc;

	PaperReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Paper> find(String keyOrArxivId) {
		return this.jdbc.sql("select " + COLUMNS + " from paper p where p.key = :key or p.arxiv_id = :key limit 1")
			.param("key", keyOrArxivId)
			.query(PaperReader::paper)
			.optional();
	}

	// One query for many keys (the unique index on paper.key).
	Map<String, String> titles(Collection<String> keys) {
		Map<String, String> titles = new HashMap<>();
		if (keys.isEmpty()) {
			return titles;
		}
		this.jdbc.sql("select key, title from paper where key in (:keys)")
			.param("keys", List.copyOf(keys))
			.query((rs) -> {
				titles.put(rs.getString(1), rs.getString(2));
			});
		return titles;
	}

	List<Popularity> popularity(String key) {
		return this.jdbc.sql("""
				select h.day, h.upvotes, h.comments from paper_popularity h join paper p on p.id = h.paper_id
				where p.key = :key order by h.day
				""")
			.param("key", key)
			.query((rs, n) -> new Popularity(rs.getObject("day", LocalDate.class), rs.getInt("upvotes"),
					rs.getObject("comments", Integer.class)))
			.list();
	}

	static final String BY_RANK = " order by ts_rank_cd(p.search, websearch_to_tsquery('english', :text)) desc, p.id desc";

	/**
	 * The conditions of a paper search, for the public search and the console's alike.
	 * @param query the search
	 * @param params filled with the conditions' parameters
	 * @return the where clause
	 */
	static String where(PaperQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where true");
		if (query.text() != null) {
			where.append(" and p.search @@ websearch_to_tsquery('english', :text)");
			params.put("text", query.text());
		}
		if (query.from() != null) {
			where.append(" and p.day >= :from");
			params.put("from", query.from());
		}
		if (query.to() != null) {
			where.append(" and p.day <= :to");
			params.put("to", query.to());
		}
		if (query.source() != null) {
			where.append(" and :source = any(p.sources)");
			params.put("source", query.source());
		}
		if (query.minUpvotes() != null) {
			where.append(" and p.upvotes >= :upvotes");
			params.put("upvotes", query.minUpvotes());
		}
		return where.toString();
	}

	// Text queries use paper_search_idx (GIN); date ranges use paper_day_idx.
	PaperPage search(PaperQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params);
		String order = (query.text() != null) ? BY_RANK : " order by p.day desc, p.upvotes desc nulls last, p.id desc";
		long[] total = { 0 };
		List<Paper> papers = this.jdbc
			.sql("select " + COLUMNS + ", count(*) over () as total from paper p" + where + order
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", query.limit())
			.param("offset", (long) query.page() * query.limit())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return paper(rs, n);
			})
			.list();
		if (papers.isEmpty() && query.page() > 0) {
			// past the last page the window count has no row to ride on
			total[0] = this.jdbc.sql("select count(*) from paper p" + where).params(params).query(Long.class).single();
		}
		return new PaperPage(papers, query.page(), query.limit(), total[0]);
	}

	static Paper paper(ResultSet rs, int row) throws SQLException {
		return new Paper(rs.getString("key"), rs.getString("arxiv_id"), rs.getString("title"), rs.getString("abstract"),
				strings(rs.getArray("authors")), strings(rs.getArray("categories")),
				new PaperLinks(rs.getString("arxiv_url"), rs.getString("pdf_url"), rs.getString("hf_url"),
						rs.getString("code_url"), rs.getString("project_url")),
				rs.getObject("published_on", LocalDate.class), rs.getObject("featured_on", LocalDate.class),
				rs.getTimestamp("first_seen_at").toInstant(), rs.getObject("upvotes", Integer.class),
				rs.getObject("comments", Integer.class), strings(rs.getArray("keywords")), rs.getString("summary"),
				strings(rs.getArray("sources")));
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> strings = new ArrayList<>(values.length);
		for (Object value : values) {
			strings.add((String) value);
		}
		return List.copyOf(strings);
	}

}
