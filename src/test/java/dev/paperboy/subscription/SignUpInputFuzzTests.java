package dev.paperboy.subscription;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the sign-up validation: an accepted address or profile holds no control
 * characters, line breaks or broken Unicode, and validating it again gives it back
 * unchanged. Seeds are in {@code SignUpInputFuzzTestsInputs/}; see docs/reliability.md
 * (Fuzzing).
 */
class SignUpInputFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void acceptedAddressesAreCleanAndStable(byte[] input) {
		Optional<EmailAddress> parsed = EmailAddress.parse(new String(input, StandardCharsets.UTF_8));
		if (parsed.isEmpty()) {
			return;
		}
		String address = parsed.get().value();
		assertThat(address).hasSizeLessThanOrEqualTo(254).containsOnlyOnce("@");
		assertThat(address.chars()).as(address).allMatch((c) -> c > 0x20 && c < 0x7F);
		assertThat(EmailAddress.parse(address)).contains(parsed.get());
		assertThat(EmailAddress.parse(parsed.get().key()).map(EmailAddress::key)).contains(parsed.get().key());
	}

	@FuzzTest(maxDuration = "30s")
	void acceptedProfilesAreCleanAndStable(FuzzedDataProvider data) {
		Profile profile;
		try {
			profile = Profile.of(text(data), text(data), text(data), text(data), text(data), text(data), number(data),
					text(data), number(data), number(data), text(data));
		}
		catch (InvalidInputException ex) {
			assertThat(ex.field()).isNotBlank();
			return;
		}
		assertClean(profile.interests());
		assertClean(profile.keywords());
		profile.authors().forEach(SignUpInputFuzzTests::assertClean);
		profile.categories().forEach(SignUpInputFuzzTests::assertClean);
		Profile again = Profile.of(profile.interests(), profile.keywords(), String.join("; ", profile.authors()),
				String.join(" ", profile.categories()), profile.cadence().name(), profile.weekday().name(),
				profile.deliveryHour(), profile.timeZone().getId(), profile.papersPerDigest(), profile.minUpvotes(),
				(profile.whenEmpty() != null) ? profile.whenEmpty().name() : null);
		assertThat(again).isEqualTo(profile);
	}

	static void assertClean(String text) {
		assertThat(text).isEqualTo(text.strip());
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

	private static String text(FuzzedDataProvider data) {
		return data.consumeBoolean() ? null : data.consumeString(300);
	}

	private static Integer number(FuzzedDataProvider data) {
		return data.consumeBoolean() ? null : data.consumeInt(-2, 100_002);
	}

}
