package dev.paperboy.papers;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedding worker's port: which papers still need a vector for a model, storing
 * vectors, and recording papers that could not be embedded.
 */
@Service
public class PaperEmbeddings {

	private final EmbeddingStore store;

	PaperEmbeddings(EmbeddingStore store) {
		this.store = store;
	}

	/**
	 * Papers without a vector for the model, or whose text changed since.
	 * @param model the embedding model's name
	 * @param limit how many at most
	 * @return their texts, newest first
	 */
	public List<PaperText> awaiting(String model, int limit) {
		return this.store.awaiting(model, limit);
	}

	/**
	 * Stores vectors, and forgets earlier failures of those papers, in one transaction; a
	 * paper embedded again gets its new vector.
	 * @param model the embedding model's name
	 * @param embeddings the vectors
	 */
	@Transactional
	public void save(String model, List<PaperEmbedding> embeddings) {
		this.store.save(model, embeddings);
	}

	/**
	 * Records that a paper could not be embedded; it is tried again later, waiting longer
	 * each time (up to a day).
	 * @param model the embedding model's name
	 * @param paperId the paper
	 * @param error why
	 */
	public void failed(String model, long paperId, String error) {
		this.store.failed(model, paperId, error);
	}

	/**
	 * @param model the embedding model's name
	 * @param paperId the paper
	 * @return its vector, if it has one
	 */
	public Optional<float[]> vector(String model, long paperId) {
		return this.store.vector(model, paperId);
	}

}
