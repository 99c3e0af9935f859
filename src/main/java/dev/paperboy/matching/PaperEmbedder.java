package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

import dev.paperboy.papers.PaperEmbedding;
import dev.paperboy.papers.PaperEmbeddings;
import dev.paperboy.papers.PaperText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every paper its vector after ingest, in batches, away from the ingest path
 * (ingest never waits for it). A batch that fails is embedded paper by paper, and a paper
 * that still fails is retried later with a growing delay instead of blocking the others.
 */
@Component
public class PaperEmbedder {

	private static final Logger log = LoggerFactory.getLogger(PaperEmbedder.class);

	private final PaperEmbeddings embeddings;

	private final TextEmbedder embedder;

	private final MatchingProperties.Embeddings properties;

	private volatile boolean stopping;

	PaperEmbedder(PaperEmbeddings embeddings, TextEmbedder embedder, MatchingProperties properties) {
		this.embeddings = embeddings;
		this.embedder = embedder;
		this.properties = properties.embeddings();
	}

	/**
	 * Embeds one batch of waiting papers.
	 * @return how many papers were embedded
	 */
	public int embedBatch() {
		List<PaperText> waiting = this.embeddings.awaiting(this.embedder.model(), this.properties.batchSize());
		if (waiting.isEmpty()) {
			return 0;
		}
		List<PaperEmbedding> done = new ArrayList<>(waiting.size());
		try {
			List<float[]> vectors = this.embedder.embed(waiting.stream().map(PaperText::text).toList());
			for (int i = 0; i < waiting.size(); i++) {
				done.add(new PaperEmbedding(waiting.get(i).paperId(), waiting.get(i).textHash(), vectors.get(i)));
			}
		}
		catch (RuntimeException batchFailure) {
			for (PaperText paper : waiting) {
				try {
					done.add(new PaperEmbedding(paper.paperId(), paper.textHash(), this.embedder.embed(paper.text())));
				}
				catch (RuntimeException ex) {
					log.warn("Could not embed paper {}: {}", paper.paperId(), ex.toString());
					this.embeddings.failed(this.embedder.model(), paper.paperId(), ex.toString());
				}
			}
		}
		this.embeddings.save(this.embedder.model(), done);
		return done.size();
	}

	/**
	 * The service is shutting down: {@link #embedAll()} ends after the batch in hand,
	 * whose vectors are saved. Embedding holds no lease: a paper without its vector is
	 * simply still waiting at the next start.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
	}

	/**
	 * Embeds until nothing is waiting (or the service shuts down).
	 * @return how many papers were embedded
	 */
	public int embedAll() {
		int total = 0;
		int embedded;
		while (!this.stopping && (embedded = embedBatch()) > 0) {
			total += embedded;
		}
		return total;
	}

}
