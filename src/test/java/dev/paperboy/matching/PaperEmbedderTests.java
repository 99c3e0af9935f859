package dev.paperboy.matching;

import java.util.List;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperEmbeddings;
import dev.paperboy.papers.PaperKeys;
import dev.paperboy.papers.PaperRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@PaperboyTest
class PaperEmbedderTests {

	static final String SPIKING = "Spiking neural networks on neuromorphic chips";

	static final String SNN = "Energy-efficient spiking neurons for event-based vision";

	static final String LAW = "Contract law in medieval Venice";

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	PaperEmbeddings embeddings;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void embedsEveryPaperOnceWithUnitVectorsThatPlaceSimilarPapersClose() {
		this.catalog.save(List.of(
				PaperRecord.of("file", SPIKING,
						"We train spiking neural networks and map them to neuromorphic hardware."),
				PaperRecord.of("file", SNN, "Event cameras feed spiking neurons that use little energy."),
				PaperRecord.of("file", LAW, "A history of commercial contracts and courts in the Venetian republic.")));

		assertThat(this.embedder.embedAll()).isEqualTo(3);
		assertThat(this.embedder.embedAll()).as("nothing left to do").isZero();

		float[] spiking = vector(SPIKING);
		float[] snn = vector(SNN);
		float[] law = vector(LAW);
		assertThat(spiking).hasSize(384);
		assertThat(TextEmbedder.cosine(spiking, spiking)).isCloseTo(1.0, within(1e-4));
		assertThat(TextEmbedder.cosine(spiking, snn)).isGreaterThan(TextEmbedder.cosine(spiking, law) + 0.2);
		assertThat(this.jdbc.sql("select distinct model from paper_embedding").query(String.class).single())
			.isEqualTo("all-MiniLM-L6-v2-q");
	}

	@Test
	void embedsAPaperAgainWhenItsTextChanges() {
		this.catalog.save(List.of(PaperRecord.of("file", SPIKING, "A first abstract about spiking networks.")));
		this.embedder.embedAll();
		float[] before = vector(SPIKING);

		this.catalog.save(List.of(PaperRecord.of("file", SPIKING, "A rewritten abstract about contract law.")));

		assertThat(this.embedder.embedAll()).isEqualTo(1);
		assertThat(TextEmbedder.cosine(before, vector(SPIKING))).isLessThan(0.99);
	}

	@Test
	void retriesAFailedPaperOnlyAfterItsDelay() {
		this.catalog.save(List.of(PaperRecord.of("file", LAW, "An abstract.")));
		long id = paperId(LAW);

		this.embeddings.failed(TextEmbedder.MODEL, id, "simulated failure");

		assertThat(this.embeddings.awaiting(TextEmbedder.MODEL, 10)).isEmpty();
		this.jdbc.sql("update paper_embedding_failure set next_attempt_at = now() - interval '1 second'").update();
		assertThat(this.embedder.embedAll()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from paper_embedding_failure").query(Long.class).single()).isZero();
	}

	private float[] vector(String title) {
		return this.embeddings.vector(TextEmbedder.MODEL, paperId(title)).orElseThrow();
	}

	private long paperId(String title) {
		return this.jdbc.sql("select id from paper where key = :key")
			.param("key", PaperKeys.titleKey(title))
			.query(Long.class)
			.single();
	}

}
