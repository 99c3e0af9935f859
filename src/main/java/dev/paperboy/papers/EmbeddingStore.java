package dev.paperboy.papers;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link PaperEmbeddings}: paper vectors, one per paper per model, and the
 * failures waiting for another try.
 */
@Repository
class EmbeddingStore {

	private static final String TEXT_HASH = "md5(p.title || E'\\n' || p.abstract)";

	// Newest first: fresh papers get their vectors first, and the anti-join stops early
	// on the primary key of paper_embedding.
	private static final String AWAITING_SQL = """
			select p.id, %1$s as text_hash, p.title || '. ' || p.abstract as text
			from paper p
			left join paper_embedding e on e.paper_id = p.id and e.model = :model
			left join paper_embedding_failure f on f.paper_id = p.id and f.model = :model
			where (e.paper_id is null or e.text_hash <> %1$s) and (f.paper_id is null or f.next_attempt_at <= now())
			order by p.id desc
			limit :limit
			""".formatted(TEXT_HASH);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EmbeddingStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Papers without a vector for the model, or whose text changed since.
	 * @param model the embedding model's name
	 * @param limit how many at most
	 * @return their texts, newest first
	 */
	List<PaperText> awaiting(String model, int limit) {
		return this.jdbc.sql(AWAITING_SQL)
			.param("model", model)
			.param("limit", limit)
			.query((rs, n) -> new PaperText(rs.getLong("id"), rs.getString("text_hash"), rs.getString("text")))
			.list();
	}

	/**
	 * Stores vectors in one statement; a paper embedded again gets its new vector. Runs
	 * in the caller's transaction.
	 * @param model the embedding model's name
	 * @param embeddings the vectors
	 */
	void save(String model, List<PaperEmbedding> embeddings) {
		if (embeddings.isEmpty()) {
			return;
		}
		String rows = this.json.writeValueAsString(embeddings.stream()
			.map((embedding) -> new Row(embedding.paperId(), embedding.textHash(), embedding.vector()))
			.toList());
		this.jdbc.sql("""
				insert into paper_embedding (paper_id, model, text_hash, vector)
				select r.paper_id, :model, r.text_hash, r.vector
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(paper_id bigint, text_hash text, vector real[])
				order by r.paper_id
				on conflict (paper_id, model) do update
				    set text_hash = excluded.text_hash, vector = excluded.vector, created_at = now()
				""").param("model", model).param("rows", rows).update();
		this.jdbc
			.sql("""
					delete from paper_embedding_failure
					where model = :model and paper_id in (select (jsonb_array_elements(cast(:rows as jsonb)) ->> 'paper_id')::bigint)
					""")
			.param("model", model)
			.param("rows", rows)
			.update();
	}

	/**
	 * Records that a paper could not be embedded; it is tried again later, waiting longer
	 * each time (up to a day).
	 * @param model the embedding model's name
	 * @param paperId the paper
	 * @param error why
	 */
	void failed(String model, long paperId, String error) {
		this.jdbc.sql("""
				insert into paper_embedding_failure (paper_id, model, attempts, last_error, next_attempt_at)
				values (:paper, :model, 1, :error, now() + interval '1 minute')
				on conflict (paper_id, model) do update set attempts = paper_embedding_failure.attempts + 1,
				    last_error = excluded.last_error,
				    next_attempt_at = now() + least(interval '1 day',
				        interval '1 minute' * power(2, paper_embedding_failure.attempts))
				""")
			.param("paper", paperId)
			.param("model", model)
			.param("error", (error.length() > 500) ? error.substring(0, 500) : error)
			.update();
	}

	/**
	 * @param model the embedding model's name
	 * @param paperId the paper
	 * @return its vector, if it has one
	 */
	Optional<float[]> vector(String model, long paperId) {
		return this.jdbc.sql("select vector from paper_embedding where paper_id = :paper and model = :model")
			.param("paper", paperId)
			.param("model", model)
			.query((rs, n) -> CandidateQueries.vector(rs.getArray(1)))
			.optional();
	}

	private record Row(@JsonProperty("paper_id") long paperId, @JsonProperty("text_hash") String textHash,
			float[] vector) {
	}

}
