package dev.paperboy.papers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's reads and the hidden flag: papers with their row ids, searched with
 * filters and paged without counting every match.
 */
@Repository
class PaperEntries {

	private static final String COLUMNS = """
			p.id, p.hidden_at, p.key, p.arxiv_id, p.title, p.abstract, p.authors, p.categories, p.arxiv_url,
			p.pdf_url, p.hf_url, p.code_url, p.project_url, p.published_on, p.featured_on, p.first_seen_at,
			p.upvotes, p.comments, p.keywords, p.summary, p.sources""";

	private final JdbcClient jdbc;

	PaperEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Text queries use paper_search_idx (GIN); otherwise paper_day_idx gives the order
	// and
	// the other filters are checked on the rows it walks. One row past the page tells
	// whether another page follows.
	EntryPage search(PaperQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = PaperReader.where(query, params);
		String order = (query.text() != null) ? PaperReader.BY_RANK : " order by p.day desc, p.id desc";
		List<PaperEntry> entries = new ArrayList<>(
				this.jdbc.sql("select " + COLUMNS + " from paper p" + where + order + " limit :limit offset :offset")
					.params(params)
					.param("limit", query.limit() + 1)
					.param("offset", (long) query.page() * query.limit())
					.query(PaperEntries::entry)
					.list());
		boolean hasNext = entries.size() > query.limit();
		return new EntryPage(hasNext ? entries.subList(0, query.limit()) : entries, query.page(), hasNext);
	}

	Optional<PaperEntry> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from paper p where p.id = :id")
			.param("id", id)
			.query(PaperEntries::entry)
			.optional();
	}

	boolean hide(long id, boolean hidden) {
		return this.jdbc
			.sql("update paper set hidden_at = case when :hidden then coalesce(hidden_at, now()) end where id = :id")
			.param("hidden", hidden)
			.param("id", id)
			.update() > 0;
	}

	private static PaperEntry entry(ResultSet rs, int row) throws SQLException {
		@Nullable Timestamp hidden = rs.getTimestamp("hidden_at");
		return new PaperEntry(rs.getLong("id"), PaperReader.paper(rs, row),
				(hidden != null) ? hidden.toInstant() : null);
	}

}
