package dev.paperboy.subscription.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.Profile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the sign-up API's request records as JSON: a profile that is accepted is the one
 * the API then shows, and sending back what it shows (or what the form shows) changes
 * nothing. Seeds are in {@code SignUpRequestFuzzTestsInputs/}; see docs/reliability.md
 * (Fuzzing).
 */
class SignUpRequestFuzzTests {

	// Like the application's: unknown properties are ignored.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@FuzzTest(maxDuration = "30s")
	void acceptedSignUpsReadBackUnchanged(byte[] input) {
		SubscriptionApi.SignUp signUp;
		try {
			signUp = JSON.readValue(input, SubscriptionApi.SignUp.class);
		}
		catch (JacksonException ex) {
			return;
		}
		if (signUp == null) {
			return;
		}
		EmailAddress.parse(signUp.email());
		Profile profile;
		try {
			profile = signUp.profile().toProfile();
		}
		catch (InvalidInputException ex) {
			assertThat(ex.field()).isNotBlank();
			return;
		}
		assertClean(profile.interests());
		assertClean(profile.keywords());
		profile.authors().forEach(SignUpRequestFuzzTests::assertClean);
		profile.categories().forEach(SignUpRequestFuzzTests::assertClean);
		SubscriptionApi.ProfileBody shown = SubscriptionApi.ProfileBody.of(profile);
		assertThat(shown.toProfile()).as("what GET shows, sent back with PUT").isEqualTo(profile);
		SubscriptionApi.ProfileBody json = JSON.readValue(JSON.writeValueAsBytes(shown),
				SubscriptionApi.ProfileBody.class);
		assertThat(json.toProfile()).as("the same through JSON").isEqualTo(profile);
		assertThat(SubscribeForm.of(profile).profile()).as("what the form shows, posted again").isEqualTo(profile);
	}

	// No control character, line or paragraph separator or unpaired surrogate (which
	// PostgreSQL would store as '?').
	private static void assertClean(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			assertThat(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
				.as("control character or line break U+%04X in %s", (int) c, text)
				.isFalse();
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else {
				assertThat(Character.isSurrogate(c)).as("unpaired surrogate in %s", text).isFalse();
			}
		}
	}

}
