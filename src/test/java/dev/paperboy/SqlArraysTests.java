package dev.paperboy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlArraysTests {

	@Test
	void writesIdsAsABigintLiteral() {
		assertThat(SqlArrays.bigints(List.of())).isEqualTo("{}");
		assertThat(SqlArrays.bigints(List.of(7L, -1L, Long.MAX_VALUE))).isEqualTo("{7,-1,9223372036854775807}");
	}

	@Test
	void quotesEveryTextAndEscapesQuotesAndBackslashes() {
		assertThat(SqlArrays.texts(List.of())).isEqualTo("{}");
		assertThat(SqlArrays.texts(List.of("", "NULL", "a,b", "{x}", "say \"hi\"", "back\\slash")))
			.isEqualTo("{\"\",\"NULL\",\"a,b\",\"{x}\",\"say \\\"hi\\\"\",\"back\\\\slash\"}");
	}

}
