package dev.paperboy.admin.users;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * TOTP against the test vectors of RFC 6238 (appendix B, SHA-1) and Base32 against RFC
 * 4648's.
 */
class TotpTests {

	static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void makesTheCodesOfRfc6238(long seconds, String code) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(code);
		// the six digits an authenticator app shows are the last six
		assertThat(Totp.code(Base32.encode(RFC_KEY), Instant.ofEpochSecond(seconds))).isEqualTo(code.substring(2));
	}

	@Test
	void acceptsTheStepBeforeAndAfterAndNothingFurther() {
		String secret = Base32.encode(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		assertThat(Totp.verify(secret, "050471", now)).hasValue(step);
		assertThat(Totp.verify(secret, Totp.code(RFC_KEY, step - 1, 6), now)).hasValue(step - 1);
		assertThat(Totp.verify(secret, Totp.code(RFC_KEY, step + 1, 6), now)).hasValue(step + 1);
		assertThat(Totp.verify(secret, Totp.code(RFC_KEY, step - 2, 6), now)).isEmpty();
		assertThat(Totp.verify(secret, Totp.code(RFC_KEY, step + 2, 6), now)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		String secret = Base32.encode(RFC_KEY);
		Instant now = Instant.ofEpochSecond(1111111111);
		assertThat(Totp.verify(secret, "50471", now)).isEmpty();
		assertThat(Totp.verify(secret, "14050471", now)).isEmpty();
		assertThat(Totp.verify(secret, "05047a", now)).isEmpty();
		assertThat(Totp.verify(secret, "", now)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void encodesAndDecodesBase32AsRfc4648(String text, String base32) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
		assertThat(Base32.decode(base32)).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.decode(base32.toLowerCase() + "===")).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void refusesWhatIsNotBase32() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"));
	}

	@Test
	void newSecretsAre160BitsAndTheUriNamesThem() {
		String secret = Totp.newSecret();
		assertThat(Base32.decode(secret)).hasSize(20);
		assertThat(Totp.newSecret()).isNotEqualTo(secret);
		assertThat(Totp.uri("Paperboy", "ada lovelace", secret))
			.isEqualTo("otpauth://totp/Paperboy:ada%20lovelace?secret=" + secret
					+ "&issuer=Paperboy&algorithm=SHA1&digits=6&period=30");
	}

}
