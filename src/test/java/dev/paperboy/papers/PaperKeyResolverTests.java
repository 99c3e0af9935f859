package dev.paperboy.papers;

import java.time.LocalDate;
import java.util.List;

import dev.paperboy.papers.PaperKeyResolver.Keyed;
import dev.paperboy.papers.PaperKeyResolver.Known;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaperKeyResolverTests {

	private static final String TITLE = "Large Multimodal Models as General In-Context Classifiers";

	@Test
	void keysARecordByItsArxivIdOrElseByItsTitle() {
		List<Keyed> keyed = resolver().resolve(List.of(withArxivId("2602.23229", TITLE), titleOnly("Another paper")));
		assertThat(keyed).extracting(Keyed::key)
			.containsExactlyInAnyOrder("2602.23229", PaperKeys.titleKey("Another paper"));
		assertThat(keyed).allSatisfy(
				(paper) -> assertThat(paper.titleHash()).isEqualTo(PaperKeys.titleHash(paper.record().title())));
	}

	@Test
	void joinsATitleOnlyRecordToTheArxivRecordOfTheSameBatch() {
		PaperRecord titleOnly = titleOnly("large multimodal models as general in-context classifiers.");
		List<Keyed> keyed = resolver().resolve(List.of(titleOnly, withArxivId("2602.23229", TITLE)));
		assertThat(keyed).singleElement().satisfies((paper) -> {
			assertThat(paper.key()).isEqualTo("2602.23229");
			assertThat(paper.record().arxivId()).isEqualTo("2602.23229");
		});
	}

	@Test
	void givesATitleOnlyRecordTheKeyOfAKnownPaperWithThatTitleAndAnArxivId() {
		PaperKeyResolver resolver = resolver(new Known("2602.23229", "2602.23229", PaperKeys.titleHash(TITLE)));
		List<Keyed> keyed = resolver.resolve(List.of(titleOnly(TITLE.toUpperCase())));
		assertThat(keyed).extracting(Keyed::key).containsExactly("2602.23229");
	}

	@Test
	void prefersAKnownPaperWithAnArxivIdOverATitleOnlyOneForATitleOnlyRecord() {
		String hash = PaperKeys.titleHash(TITLE);
		PaperKeyResolver resolver = resolver(new Known("h-" + hash, null, hash),
				new Known("2602.23229", "2602.23229", hash));
		assertThat(resolver.resolve(List.of(titleOnly(TITLE)))).extracting(Keyed::key).containsExactly("2602.23229");
	}

	@Test
	void givesATitleOnlyRecordTheKeyOfAKnownTitleOnlyPaper() {
		String hash = PaperKeys.titleHash(TITLE);
		PaperKeyResolver resolver = resolver(new Known("h-" + hash, null, hash));
		assertThat(resolver.resolve(List.of(titleOnly(TITLE)))).extracting(Keyed::key).containsExactly("h-" + hash);
	}

	@Test
	void givesAnArxivRecordTheKeyOfAKnownTitleOnlyPaperWithThatTitle() {
		String hash = PaperKeys.titleHash(TITLE);
		PaperKeyResolver resolver = resolver(new Known("h-" + hash, null, hash));
		List<Keyed> keyed = resolver.resolve(List.of(withArxivId("2602.23229", TITLE + "!")));
		assertThat(keyed).singleElement().satisfies((paper) -> {
			assertThat(paper.key()).isEqualTo("h-" + hash);
			assertThat(paper.record().arxivId()).isEqualTo("2602.23229");
		});
	}

	@Test
	void keepsTheKeyOfAKnownPaperFoundByArxivIdEvenWhenItsTitleChanged() {
		PaperKeyResolver resolver = resolver(new Known("h-0123456789abcdef", "2602.23229", "0123456789abcdef"));
		List<Keyed> keyed = resolver.resolve(List.of(withArxivId("2602.23229", "A retitled paper")));
		assertThat(keyed).extracting(Keyed::key).containsExactly("h-0123456789abcdef");
	}

	@Test
	void keepsDistinctPapersWithTheSameTitleApart() {
		List<Keyed> keyed = resolver()
			.resolve(List.of(withArxivId("2101.00002", "Introduction"), withArxivId("2101.00001", "Introduction")));
		assertThat(keyed).extracting(Keyed::key).containsExactly("2101.00001", "2101.00002");
		assertThat(keyed).extracting((paper) -> paper.record().arxivId()).containsExactly("2101.00001", "2101.00002");
	}

	@Test
	void keepsAnArxivRecordApartFromAKnownPaperWithTheSameTitleButAnotherId() {
		String hash = PaperKeys.titleHash("Introduction");
		PaperKeyResolver resolver = resolver(new Known("2101.00001", "2101.00001", hash));
		assertThat(resolver.resolve(List.of(withArxivId("2101.00002", "Introduction")))).extracting(Keyed::key)
			.containsExactly("2101.00002");
	}

	@Test
	void mergesDuplicatesOfABatchWithTheLaterSayingWhatItKnows() {
		PaperRecord earlier = new PaperRecord("huggingface", "2602.23229", "Old title", "Old abstract.",
				List.of("Ada Lovelace"), List.of("cs.CV"),
				new PaperLinks("https://arxiv.org/abs/2602.23229", null, "https://huggingface.co/papers/2602.23229",
						"https://github.com/old/repo", null),
				LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 6), 10, 1, List.of("classification"), "Old summary.");
		PaperRecord later = new PaperRecord("huggingface", "2602.23229", "New title", "New abstract.", List.of(),
				List.of(), new PaperLinks(null, null, null, "https://github.com/new/repo", "https://project.example/"),
				null, null, 12, null, List.of(), null);
		List<Keyed> keyed = resolver().resolve(List.of(earlier, later));
		assertThat(keyed).singleElement().satisfies((paper) -> {
			PaperRecord merged = paper.record();
			assertThat(paper.key()).isEqualTo("2602.23229");
			assertThat(paper.titleHash()).isEqualTo(PaperKeys.titleHash("New title"));
			assertThat(merged.title()).isEqualTo("New title");
			assertThat(merged.abstractText()).isEqualTo("New abstract.");
			assertThat(merged.authors()).containsExactly("Ada Lovelace");
			assertThat(merged.categories()).containsExactly("cs.CV");
			assertThat(merged.links()).isEqualTo(
					new PaperLinks("https://arxiv.org/abs/2602.23229", null, "https://huggingface.co/papers/2602.23229",
							"https://github.com/new/repo", "https://project.example/"));
			assertThat(merged.publishedOn()).isEqualTo(LocalDate.of(2026, 2, 26));
			assertThat(merged.featuredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
			assertThat(merged.upvotes()).isEqualTo(12);
			assertThat(merged.comments()).isEqualTo(1);
			assertThat(merged.keywords()).containsExactly("classification");
			assertThat(merged.summary()).isEqualTo("Old summary.");
		});
	}

	@Test
	void mergesTitleOnlyDuplicatesOfABatch() {
		List<Keyed> keyed = resolver().resolve(List.of(PaperRecord.of("file", "Same paper", "First abstract."),
				PaperRecord.of("file", "same paper!", "Second abstract.")));
		assertThat(keyed).singleElement().satisfies((paper) -> {
			assertThat(paper.key()).isEqualTo(PaperKeys.titleKey("Same paper"));
			assertThat(paper.record().abstractText()).isEqualTo("Second abstract.");
		});
	}

	@Test
	void returnsOnePaperPerKeyInKeyOrder() {
		List<Keyed> keyed = resolver()
			.resolve(List.of(withArxivId("2602.00003", "C"), titleOnly("Zeta"), withArxivId("hep-th/9901001", "Old"),
					withArxivId("2602.00001", "A"), titleOnly("Alpha"), withArxivId("2602.00003", "C again")));
		List<String> keys = keyed.stream().map(Keyed::key).toList();
		assertThat(keys).hasSize(5).isSorted().doesNotHaveDuplicates();
		assertThat(keys).contains("2602.00001", "2602.00003", "hep-th/9901001", PaperKeys.titleKey("Zeta"),
				PaperKeys.titleKey("Alpha"));
	}

	@Test
	void letsOnlyOneOfTwoArxivPapersWithTheSameTitleTakeOverAKnownTitleOnlyPaper() {
		String hash = PaperKeys.titleHash("Introduction");
		List<Keyed> keyed = resolver(new Known("h-" + hash, null, hash))
			.resolve(List.of(withArxivId("2101.00001", "Introduction"), withArxivId("2101.00002", "Introduction")));

		assertThat(keyed).extracting(Keyed::key).containsExactlyInAnyOrder("h-" + hash, "2101.00002");
		assertThat(keyed).extracting((paper) -> paper.record().arxivId())
			.containsExactlyInAnyOrder("2101.00001", "2101.00002");
	}

	@Test
	void mergesInBatchOrderSoTheLaterRecordWinsWhateverKindItIs() {
		PaperRecord stale = new PaperRecord("file", null, "Same", "Stale abstract.", List.of(), List.of(),
				PaperLinks.NONE, null, null, 5, null, List.of(), null);
		PaperRecord fresh = new PaperRecord("arxiv", "2601.00001", "Same", "Fresh abstract.", List.of(), List.of(),
				PaperLinks.forArxiv("2601.00001"), null, null, 10, null, List.of(), null);

		List<Keyed> keyed = resolver().resolve(List.of(stale, fresh));

		assertThat(keyed).singleElement().satisfies((paper) -> {
			assertThat(paper.key()).isEqualTo("2601.00001");
			assertThat(paper.record().abstractText()).isEqualTo("Fresh abstract.");
			assertThat(paper.record().upvotes()).isEqualTo(10);
		});
	}

	private static PaperKeyResolver resolver(Known... known) {
		return new PaperKeyResolver(List.of(known));
	}

	private static PaperRecord withArxivId(String arxivId, String title) {
		return new PaperRecord("arxiv", arxivId, title, "An abstract of " + title + ".", List.of(), List.of(),
				PaperLinks.forArxiv(arxivId), null, null, null, null, List.of(), null);
	}

	private static PaperRecord titleOnly(String title) {
		return PaperRecord.of("file", title, "An abstract of " + title + ".");
	}

}
