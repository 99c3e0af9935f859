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

	@Test
	void theDeliveryPartIsWhenAndNothingElse() {
		Profile profile = Profile.of("Memory", "agents", "Ada", "cs.AI", "WEEKLY", "FRIDAY", 9, "Europe/Berlin", 20, 5,
				"TRENDING");
		assertThat(profile.delivery()).isEqualTo(new DeliverySchedule(Profile.Cadence.WEEKLY,
				java.time.DayOfWeek.FRIDAY, 9, java.time.ZoneId.of("Europe/Berlin")));
		assertThat(Profile.of("Other", "", "", "", "WEEKLY", "FRIDAY", 9, "Europe/Berlin", 1).delivery())
			.as("what to match does not change it")
			.isEqualTo(profile.delivery());
	}

	@Test
	void withNothingToMatchKeepsTheDeliveryAndTheNumberOfPapers() {
		Profile profile = Profile.of("Memory", "agents", "Ada", "cs.AI -cs.CV", "WEEKLY", "FRIDAY", 9, "Europe/Berlin",
				20, 5, "TRENDING");
		Profile blank = profile.withNothingToMatch();
		assertThat(blank.interests()).isEmpty();
		assertThat(blank.keywords()).isEmpty();
		assertThat(blank.authors()).isEmpty();
		assertThat(blank.categories()).isEmpty();
		assertThat(blank.minUpvotes()).isZero();
		assertThat(blank.delivery()).isEqualTo(profile.delivery());
		assertThat(blank.papersPerDigest()).isEqualTo(20);
	}

	@Test
	void theExportAndTheApiSeeTheProfilesFieldsOnly() {
		tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.valueToTree(profile("TRENDING"));
		assertThat(json.properties().stream().map(java.util.Map.Entry::getKey)).containsExactlyInAnyOrder("interests",
				"keywords", "authors", "categories", "cadence", "weekday", "deliveryHour", "timeZone",
				"papersPerDigest", "minUpvotes", "whenEmpty");
	}

	private static Profile profile(String whenEmpty) {
		return Profile.of("Memory in language models", "", "", "", "DAILY", "MONDAY", 7, "UTC", 10, 0, whenEmpty);
	}

}
