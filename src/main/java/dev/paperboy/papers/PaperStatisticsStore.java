package dev.paperboy.papers;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link PaperStatistics}.
 */
@Repository
class PaperStatisticsStore {

	private final JdbcClient jdbc;

	PaperStatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Papers waiting for a vector of the model (none yet, or their text changed), counted
	 * up to a cap so that a catalog that was never embedded costs no full count.
	 * @param model the embedding model's name
	 * @param cap the most to count
	 * @return how many, at most {@code cap}
	 */
	long embeddingsPending(String model, int cap) {
		// paper_pkey newest first against paper_embedding_pkey (paper_id, model)
		return this.jdbc.sql("""
				select count(*) from (
				    select 1 from paper p
				    left join paper_embedding e on e.paper_id = p.id and e.model = :model
				    where e.paper_id is null or e.text_hash <> md5(p.title || E'\\n' || p.abstract)
				    limit :cap) pending""").param("model", model).param("cap", cap).query(Long.class).single();
	}

	/**
	 * The newest papers waiting for a vector of the model: the rows
	 * {@link #embeddingsPending} counts, under the same condition.
	 * @param model the embedding model's name
	 * @param limit at most this many
	 * @return newest first
	 */
	List<PaperStatistics.PendingPaper> embeddingsPendingPapers(String model, int limit) {
		// paper_pkey newest first against paper_embedding_pkey (paper_id, model),
		// stopping at :limit
		return this.jdbc.sql("""
				select p.id, p.title, p.sources, p.first_seen_at, e.paper_id is not null as stale from paper p
				left join paper_embedding e on e.paper_id = p.id and e.model = :model
				where e.paper_id is null or e.text_hash <> md5(p.title || E'\\n' || p.abstract)
				order by p.id desc limit :limit""")
			.param("model", model)
			.param("limit", limit)
			.query((rs, n) -> new PaperStatistics.PendingPaper(rs.getLong(1), rs.getString(2),
					Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(),
					rs.getBoolean(5)))
			.list();
	}

}
