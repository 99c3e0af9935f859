package dev.paperboy.papers;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link PaperCandidates} and {@link PaperCatalog#byIds}: papers with
 * their vectors by first-seen window, by reference and by row id, which share one select
 * list, and full-text ranks.
 */
@Repository
class CandidateQueries {

	// paper_first_seen_idx finds the window; the vector comes by primary key. Papers an
	// operator hid are never candidates.
	private static final String RECENT_SQL = """
			select p.key, p.arxiv_id, p.title, p.abstract, p.authors, p.categories, p.arxiv_url, p.pdf_url, p.hf_url,
			       p.code_url, p.project_url, p.published_on, p.featured_on, p.first_seen_at, p.upvotes, p.comments,
			       p.keywords, p.summary, p.sources, p.id, e.vector
			from paper p left join paper_embedding e on e.paper_id = p.id and e.model = :model
			where p.first_seen_at >= :since and p.hidden_at is null
			order by p.first_seen_at desc, p.id desc
			limit :limit
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CandidateQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param since papers first seen at or after this
	 * @param model the embedding model whose vectors to attach
	 * @param limit how many at most, newest first
	 * @return the candidates
	 */
	List<Candidate> recent(Instant since, String model, int limit) {
		return this.jdbc.sql(RECENT_SQL)
			.param("since", Timestamp.from(since))
			.param("model", model)
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getLong("id"), PaperReader.paper(rs, n), vector(rs.getArray("vector"))))
			.list();
	}

	/**
	 * @param references paper keys, arXiv ids (any form) or exact titles
	 * @param model the embedding model whose vectors to attach
	 * @return the papers found
	 */
	List<Candidate> byReferences(Collection<String> references, String model) {
		if (references.isEmpty()) {
			return List.of();
		}
		List<String> keys = new ArrayList<>(references);
		references.forEach((reference) -> PaperKeys.arxivId(reference).ifPresent(keys::add));
		List<String> hashes = references.stream().map(PaperKeys::titleHash).toList();
		String sql = RECENT_SQL.replace("where p.first_seen_at >= :since and p.hidden_at is null", """
				where p.key in (select jsonb_array_elements_text(cast(:keys as jsonb)))
				   or p.arxiv_id in (select jsonb_array_elements_text(cast(:keys as jsonb)))
				   or p.title_hash in (select jsonb_array_elements_text(cast(:hashes as jsonb)))""")
			.replace("limit :limit", "");
		return this.jdbc.sql(sql)
			.param("keys", this.json.writeValueAsString(keys))
			.param("hashes", this.json.writeValueAsString(hashes))
			.param("model", model)
			.query((rs, n) -> new Candidate(rs.getLong("id"), PaperReader.paper(rs, n), vector(rs.getArray("vector"))))
			.list();
	}

	/**
	 * @param ids paper row ids
	 * @return the papers, by id (without vectors)
	 */
	Map<Long, Paper> byIds(Collection<Long> ids) {
		return byIds(ids, false);
	}

	/**
	 * @param ids paper row ids
	 * @param shownOnly whether to leave out the papers an operator hid
	 * @return the papers, by id (without vectors)
	 */
	Map<Long, Paper> byIds(Collection<Long> ids, boolean shownOnly) {
		Map<Long, Paper> papers = new HashMap<>();
		if (ids.isEmpty()) {
			return papers;
		}
		String sql = RECENT_SQL.replace(", e.vector", ", null as vector")
			.replace("left join paper_embedding e on e.paper_id = p.id and e.model = :model", "")
			.replace("where p.first_seen_at >= :since and p.hidden_at is null",
					"where p.id = any(cast(:ids as bigint[]))" + (shownOnly ? " and p.hidden_at is null" : ""))
			.replace("limit :limit", "");
		StringBuilder array = new StringBuilder("{");
		for (Long id : ids) {
			array.append((array.length() > 1) ? "," : "").append(id.longValue());
		}
		this.jdbc.sql(sql).param("ids", array.append('}').toString()).query((rs) -> {
			papers.put(rs.getLong("id"), PaperReader.paper(rs, 0));
		});
		return papers;
	}

	/**
	 * Full-text ranks of many web-search style terms at once, over the same papers: one
	 * statement for a whole page of subscribers' keywords.
	 * @param ids the papers
	 * @param terms the terms or phrases
	 * @return for each term's position in {@code terms}, the rank by paper id of the
	 * papers that match it
	 */
	Map<Integer, Map<Long, Double>> termRanks(Collection<Long> ids, List<String> terms) {
		Map<Integer, Map<Long, Double>> ranks = new HashMap<>();
		if (ids.isEmpty() || terms.isEmpty()) {
			return ranks;
		}
		// Each query is parsed once and the papers are read once: both are materialized
		// before the join, which then only tests lexemes.
		this.jdbc
			.sql("""
					with q as materialized (
					    select t.ordinality - 1 as term, websearch_to_tsquery('english', t.value) as query
					    from jsonb_array_elements_text(cast(:terms as jsonb)) with ordinality t
					), p as materialized (
					    select id, search || cast('' as tsvector) as search from paper where id in (select jsonb_array_elements_text(cast(:ids as jsonb))::bigint)
					)
					select q.term, p.id, ts_rank_cd(p.search, q.query) as rank
					from q join p on p.search @@ q.query
					""")
			.param("terms", this.json.writeValueAsString(terms))
			.param("ids", this.json.writeValueAsString(ids))
			.query((rs) -> {
				ranks.computeIfAbsent(rs.getInt("term"), (term) -> new HashMap<>())
					.put(rs.getLong("id"), rs.getDouble("rank"));
			});
		return ranks;
	}

	static float @Nullable [] vector(@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		Object[] values = (Object[]) array.getArray();
		float[] vector = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			vector[i] = ((Number) values[i]).floatValue();
		}
		return vector;
	}

}
