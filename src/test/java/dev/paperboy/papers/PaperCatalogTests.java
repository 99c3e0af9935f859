package dev.paperboy.papers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class PaperCatalogTests {

	@Autowired
	PaperCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void savingTheSameBatchAgainChangesNothing() {
		List<PaperRecord> batch = batch("file", 0, 50);

		SaveCounts first = this.catalog.save(batch);
		String before = snapshot();
		SaveCounts second = this.catalog.save(batch);

		assertThat(first).isEqualTo(new SaveCounts(50, 0, 0));
		assertThat(second).isEqualTo(new SaveCounts(0, 0, 50));
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void twoConcurrentWritersOfTheSameBatchNeverCreateDuplicates() throws Exception {
		List<PaperRecord> batch = batch("huggingface", 0, 400);
		List<PaperRecord> reversed = new ArrayList<>(batch("arxiv", 0, 400));
		Collections.reverse(reversed);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<SaveCounts>> writers = List.of(() -> this.catalog.save(batch),
					() -> this.catalog.save(reversed), () -> this.catalog.save(batch),
					() -> this.catalog.save(reversed));
			int added = 0;
			for (Future<SaveCounts> result : pool.invokeAll(writers)) {
				added += result.get().added();
			}
			assertThat(added).isEqualTo(400);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from paper")).isEqualTo(400);
		assertThat(count("select count(distinct arxiv_id) from paper")).isEqualTo(400);
		assertThat(count("select count(*) from paper where sources = '{arxiv,huggingface}'")).isEqualTo(400);
	}

	@Test
	void attachesTheArxivIdToAPaperFirstSeenByTitleAndKeepsItsKey() {
		this.catalog.save(List.of(PaperRecord.of("file", "Memory Layers at Scale", "An abstract.")));
		String key = PaperKeys.titleKey("Memory Layers at Scale");

		SaveCounts counts = this.catalog.save(List.of(record("arxiv", "2412.09764", "Memory layers at scale.")));

		assertThat(counts).isEqualTo(new SaveCounts(0, 1, 0));
		Paper paper = this.catalog.find("2412.09764").orElseThrow();
		assertThat(paper.key()).isEqualTo(key);
		assertThat(paper.arxivId()).isEqualTo("2412.09764");
		assertThat(paper.sources()).containsExactly("arxiv", "file");
		assertThat(count("select count(*) from paper")).isEqualTo(1);
	}

	@Test
	void aTitleOnlyRecordJoinsTheArxivPaperWithThatTitle() {
		this.catalog.save(List.of(record("arxiv", "2412.09764", "Memory Layers at Scale")));

		SaveCounts counts = this.catalog
			.save(List.of(PaperRecord.of("file", "MEMORY LAYERS AT SCALE", "The same paper, read from a file.")));

		assertThat(counts.added()).isZero();
		assertThat(this.catalog.find("2412.09764").orElseThrow().sources()).containsExactly("arxiv", "file");
	}

	@Test
	void keepsOneDailyReadingOfUpvotesAndTheLatestCount() {
		this.catalog.save(List.of(withUpvotes(record("huggingface", "2501.00001", "A trending paper"), 10)));
		this.catalog.save(List.of(withUpvotes(record("huggingface", "2501.00001", "A trending paper"), 25)));

		List<Popularity> history = this.catalog.popularity("2501.00001");
		assertThat(history).singleElement().satisfies((reading) -> {
			assertThat(reading.upvotes()).isEqualTo(25);
			assertThat(reading.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
		});
		assertThat(this.catalog.find("2501.00001").orElseThrow().upvotes()).isEqualTo(25);
	}

	@Test
	void aSourceWithoutUpvotesDoesNotEraseThem() {
		this.catalog.save(List.of(withUpvotes(record("huggingface", "2501.00002", "Popular"), 40)));

		this.catalog.save(List.of(record("arxiv", "2501.00002", "Popular")));

		assertThat(this.catalog.find("2501.00002").orElseThrow().upvotes()).isEqualTo(40);
	}

	@Test
	void ranksATitleMatchAboveAnAbstractMatch() {
		this.catalog.save(List.of(
				new PaperRecord("file", null, "Sparse attention for long documents",
						"We study retrieval augmented models and their memory use.", List.of(), List.of(),
						PaperLinks.NONE, null, null, null, null, List.of(), null),
				new PaperRecord("file", null, "Retrieval with memory", "A method for sparse attention.", List.of(),
						List.of(), PaperLinks.NONE, null, null, null, null, List.of(), null),
				PaperRecord.of("file", "Unrelated", "Nothing to see here.")));

		PaperPage page = this.catalog.search(new PaperQuery("memory", null, null, 10, 0));

		assertThat(page.total()).isEqualTo(2);
		assertThat(page.papers()).extracting(Paper::title)
			.containsExactly("Retrieval with memory", "Sparse attention for long documents");
	}

	@Test
	void keepsMarkupInTitlesAsPlainText() {
		String title = "<script>alert('x')</script> & <b>Bold</b> claims";
		this.catalog.save(List.of(PaperRecord.of("file", title, "Abstract.")));

		assertThat(this.catalog.find(PaperKeys.titleKey(title)).orElseThrow().title()).isEqualTo(title);
	}

	private static List<PaperRecord> batch(String source, int first, int count) {
		List<PaperRecord> records = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			records.add(record(source, String.format("2502.%05d", i), "Paper " + i));
		}
		return records;
	}

	private static PaperRecord record(String source, String arxivId, String title) {
		return new PaperRecord(source, arxivId, title, "Abstract of " + title, List.of("Ada Lovelace"),
				source.equals("arxiv") ? List.of("cs.LG") : List.of(), PaperLinks.forArxiv(arxivId),
				LocalDate.of(2025, 2, 1), null, null, null, List.of(), null);
	}

	private static PaperRecord withUpvotes(PaperRecord record, int upvotes) {
		return new PaperRecord(record.source(), record.arxivId(), record.title(), record.abstractText(),
				record.authors(), record.categories(), record.links(), record.publishedOn(), record.featuredOn(),
				upvotes, 3, record.keywords(), record.summary());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String snapshot() {
		return this.jdbc.sql("select string_agg(p::text, '|' order by key) from paper p").query(String.class).single();
	}

}
