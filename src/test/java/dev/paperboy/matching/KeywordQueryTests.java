package dev.paperboy.matching;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordQueryTests {

	@Test
	void splitsPhrasesTermsAndExclusions() {
		KeywordQuery query = KeywordQuery.parse("\"spiking neural\" OR neuromorphic -survey");

		assertThat(query.terms()).containsExactly("\"spiking neural\"", "neuromorphic");
		assertThat(query.exclusions()).containsExactly("survey");
		assertThat(query.positive()).isEqualTo("\"spiking neural\" OR neuromorphic");
	}

	@Test
	void excludesAWholePhrase() {
		KeywordQuery query = KeywordQuery.parse("transformers -\"large language\"");

		assertThat(query.terms()).containsExactly("transformers");
		assertThat(query.exclusions()).containsExactly("\"large language\"");
	}

	@Test
	void dropsTheOrOperatorInAnyCaseButKeepsAnExcludedOr() {
		KeywordQuery query = KeywordQuery.parse("graphs or trees OR forests -OR");

		assertThat(query.terms()).containsExactly("graphs", "trees", "forests");
		assertThat(query.exclusions()).containsExactly("OR");
		assertThat(query.positive()).isEqualTo("graphs OR trees OR forests");
	}

	@Test
	void closesAnUnterminatedPhraseAtTheEndAndTrimsPhrases() {
		assertThat(KeywordQuery.parse("\"  open ended ").terms()).containsExactly("\"open ended\"");
		assertThat(KeywordQuery.parse("-\" open").exclusions()).containsExactly("\"open\"");
	}

	@Test
	void ignoresEmptyPhrasesLoneDashesAndExtraWhitespace() {
		KeywordQuery query = KeywordQuery.parse(" \t\"\"  -  diffusion\n-\"\" ");

		assertThat(query.terms()).containsExactly("diffusion");
		assertThat(query.exclusions()).isEmpty();
		assertThat(KeywordQuery.parse("").terms()).isEmpty();
		assertThat(KeywordQuery.parse("").positive()).isEmpty();
	}

	@Test
	void aDashInsideAWordIsPartOfIt() {
		KeywordQuery query = KeywordQuery.parse("state-of-the-art");

		assertThat(query.terms()).containsExactly("state-of-the-art");
		assertThat(query.exclusions()).isEmpty();
	}

	@Test
	void labelsShowPhrasesWithoutTheirQuotes() {
		assertThat(KeywordQuery.label("\"spiking neural\"")).isEqualTo("spiking neural");
		assertThat(KeywordQuery.label("neuromorphic")).isEqualTo("neuromorphic");
	}

	@Test
	void theParsedListsCannotBeChanged() {
		KeywordQuery query = KeywordQuery.parse("a -b");

		assertThat(query).isEqualTo(new KeywordQuery(List.of("a"), List.of("b")));
		assertThat(query.terms()).isUnmodifiable();
	}

}
