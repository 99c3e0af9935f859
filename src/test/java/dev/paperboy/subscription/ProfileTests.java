package dev.paperboy.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileTests {

	@Test
	void whatAnEmptyPeriodBringsIsTheSubscribersChoiceOrTheServicesDefault() {
		assertThat(profile("TRENDING").whenEmpty()).isEqualTo(Profile.WhenEmpty.TRENDING);
		assertThat(profile(" skip ").whenEmpty()).isEqualTo(Profile.WhenEmpty.SKIP);
		assertThat(profile("").whenEmpty()).as("the service's default").isNull();
		assertThat(profile(null).whenEmpty()).isNull();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> profile("sometimes"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("whenEmpty"));
	}

	private static Profile profile(String whenEmpty) {
		return Profile.of("Memory in language models", "", "", "", "DAILY", "MONDAY", 7, "UTC", 10, 0, whenEmpty);
	}

}
