package dev.paperboy.papers;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The catalog's figures for the console.
 */
@Service
public class PaperStatistics {

	/**
	 * How far the console counts papers waiting for a vector (the dashboard's tile and
	 * the papers page's pending list show the same capped number).
	 */
	public static final int EMBEDDINGS_PENDING_CAP = 10_000;

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

	/**
	 * The newest papers waiting for a vector of the model, the ones
	 * {@link #embeddingsPending} counts.
	 * @param model the embedding model's name
	 * @param limit at most this many
	 * @return newest first
	 */
	public List<PendingPaper> embeddingsPendingPapers(String model, int limit) {
		return this.store.embeddingsPendingPapers(model, limit);
	}

	/**
	 * A paper waiting for a vector.
	 *
	 * @param id its row id
	 * @param title its title
	 * @param sources where it came from
	 * @param firstSeenAt when it was first fetched
	 * @param stale whether it has a vector of an older text (else none at all)
	 */
	public record PendingPaper(long id, String title, List<String> sources, Instant firstSeenAt, boolean stale) {

	}

}
