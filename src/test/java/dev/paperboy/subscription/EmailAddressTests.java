package dev.paperboy.subscription;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

	@ParameterizedTest
	@CsvSource({ "ada@lab.example.org, ada@lab.example.org",
			"Ada.Lovelace+papers@Example.ORG, Ada.Lovelace+papers@example.org",
			"'  ada@example.org  ', ada@example.org", "user@bücher.example, user@xn--bcher-kva.example",
			"o'brien@example.ie, o'brien@example.ie" })
	void acceptsAndNormalizes(String input, String expected) {
		assertThat(EmailAddress.parse(input))
			.hasValueSatisfying((email) -> assertThat(email.value()).isEqualTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "@example.org", "ada@", "ada@localhost", "ada@@example.org",
			"ada@example..org", "ada@-example.org", "ada example@example.org", "ada@example.org\r\nBcc: x@y.org",
			"ada@example.org\nBcc: x@y.org", "ada\u0000@example.org", ".ada@example.org", "ada.@example.org",
			"\"quoted\"@example.org", "ada@exa_mple.org" })
	void refuses(String input) {
		assertThat(EmailAddress.parse(input)).isEmpty();
	}

	@Test
	void enforcesRfc5321Lengths() {
		String local64 = "a".repeat(64);
		String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".org";
		assertThat(EmailAddress.parse(local64 + "@example.org")).isPresent();
		assertThat(EmailAddress.parse("a".repeat(65) + "@example.org")).isEmpty();
		assertThat(EmailAddress.parse("a@" + "b".repeat(64) + ".org")).isEmpty();
		assertThat(EmailAddress.parse(local64 + "@" + domain)).as("over 254 in all").isEmpty();
	}

}
