package dev.paperboy.papers;

import org.springframework.stereotype.Service;

/**
 * The catalog's figures for the console.
 */
@Service
public class PaperStatistics {

	private final PaperStatisticsStore store;

	PaperStatistics(PaperStatisticsStore store) {
		this.store = store;
	}

	/**
	 * Papers waiting for a vector of the model (none yet, or their text changed), counted
	 * up to a cap so that a catalog that was never embedded costs no full count.
	 * @param model the embedding model's name
	 * @param cap the most to count
	 * @return how many, at most {@code cap}
	 */
	public long embeddingsPending(String model, int cap) {
		return this.store.embeddingsPending(model, cap);
	}

}
