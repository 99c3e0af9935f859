package dev.paperboy.papers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaperKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "attention is all you need", "Attention Is All You Need.", "ATTENTION  IS ALL—YOU NEED!",
			" attention\tis all you need ", "“Attention” is all you need?", "ＡＴＴＥＮＴＩＯＮ ｉｓ all you need" })
	void givesTheSameHashToTitlesThatDifferOnlyInCasePunctuationAndWidth(String title) {
		assertThat(PaperKeys.titleHash(title)).isEqualTo(PaperKeys.titleHash("Attention is all you need"));
	}

	@Test
	void foldsCompatibilityCharactersBeforeHashing() {
		assertThat(PaperKeys.normalizeTitle("Eﬃcient Transformers Ⅱ")).isEqualTo("efficient transformers ii");
		assertThat(PaperKeys.titleHash("Eﬃcient Transformers Ⅱ"))
			.isEqualTo(PaperKeys.titleHash("Efficient transformers II"));
	}

	@Test
	void keepsLettersAndDigitsOfEveryScript() {
		assertThat(PaperKeys.normalizeTitle("GPT-4: Über Große Modelle, 第2版"))
			.isEqualTo("gpt 4 über große modelle 第2版");
	}

	@Test
	void givesDifferentHashesToDifferentTitles() {
		assertThat(PaperKeys.titleHash("Attention is all you need"))
			.isNotEqualTo(PaperKeys.titleHash("Attention is not all you need"))
			.isNotEqualTo(PaperKeys.titleHash("Attention is all you need 2"));
	}

	@Test
	void hashesToSixteenHexDigitsAndKeysWithAPrefix() {
		String hash = PaperKeys.titleHash("Attention is all you need");
		assertThat(hash).matches("[0-9a-f]{16}");
		assertThat(PaperKeys.titleKey("Attention Is All You Need.")).isEqualTo("h-" + hash);
	}

	@ParameterizedTest
	@CsvSource({ "2602.23229, 2602.23229", "0704.0001, 0704.0001", "1501.00001v12, 1501.00001",
			"hep-th/9901001, hep-th/9901001", "math.GT/0309136v1, math.GT/0309136",
			"cond-mat/0102536, cond-mat/0102536", "https://arxiv.org/abs/2602.23229v3, 2602.23229",
			"http://arxiv.org/abs/hep-ex/0307015, hep-ex/0307015", "https://arxiv.org/pdf/2602.23229v1, 2602.23229",
			"oai:arXiv.org:2508.13426v1, 2508.13426", "oai:arXiv.org:q-bio/0401001, q-bio/0401001",
			"arXiv:2602.23229, 2602.23229", "'  2602.23229  ', 2602.23229",
			"https://arxiv.org/pdf/1706.03762.pdf, 1706.03762", "https://arxiv.org/pdf/1706.03762v7.pdf, 1706.03762",
			"'see arXiv:1706.03762.', 1706.03762" })
	void findsOldAndNewStyleIdsWithoutTheirVersion(String text, String expected) {
		assertThat(PaperKeys.arxivId(text)).contains(expected);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "not an id", "2602.232", "12602.23229", "2602.232291", "2602.23229x", "hep-th/990100",
			"https://example.org/papers/42" })
	void findsNoIdWhereThereIsNone(String text) {
		assertThat(PaperKeys.arxivId(text)).isEmpty();
	}

}
