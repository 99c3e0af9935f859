package dev.paperboy.admin.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void secretsAreMaskedByTheirName() {
		assertThat(Masking.mask("paperboy.admin.api-token", "abc")).isEqualTo("******");
		assertThat(Masking.mask("spring.datasource.password", "pw")).isEqualTo("******");
		assertThat(Masking.mask("paperboy.delivery.suppression-salt", "s")).isEqualTo("******");
		assertThat(Masking.mask("paperboy.delivery.dkim.private-key", "PEM")).isEqualTo("******");
		assertThat(Masking.mask("spring.cloud.credentials.id", "c")).isEqualTo("******");
		assertThat(Masking.mask("paperboy.delivery.from", "papers@example.org")).isEqualTo("papers@example.org");
	}

	@Test
	void credentialsInsideUrlsAreMasked() {
		assertThat(Masking.mask("paperboy.ingest.url", "https://bob:hunter2@example.org/feed?x=1"))
			.isEqualTo("https://******@example.org/feed?x=1");
		assertThat(Masking.mask("spring.datasource.url",
				"jdbc:postgresql://db:5432/paperboy?user=pb&password=hunter2&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/paperboy?user=pb&password=******&ssl=true");
		assertThat(Masking.mask("spring.datasource.url", "jdbc:postgresql://db:5432/paperboy"))
			.isEqualTo("jdbc:postgresql://db:5432/paperboy");
	}

}
