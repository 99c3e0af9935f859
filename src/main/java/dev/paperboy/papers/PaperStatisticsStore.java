package dev.paperboy.papers;

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

}
