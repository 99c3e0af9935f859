package dev.paperboy.delivery.dkim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relaxed canonicalization against the examples of RFC 6376 and its errata. */
class DkimCanonicalizationTests {

	@Test
	void relaxesTheHeadersOfTheRfcExample() {
		// RFC 6376 section 3.4.6
		String header = "A: X\r\nB : Y\t\r\n\tZ  \r\n";

		assertThat(RelaxedCanonicalization.fields(header)).map(RelaxedCanonicalization::header)
			.containsExactly("a:X", "b:Y Z");
	}

	@Test
	void relaxesTheBodyOfTheRfcExample() {
		assertThat(RelaxedCanonicalization.body(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(" C\r\nD E\r\n");
	}

	@Test
	void keepsEmptyLinesInsideTheBodyAndEndsItWithOneLineBreak() {
		assertThat(RelaxedCanonicalization.body("a\r\n\r\n \r\nb")).isEqualTo("a\r\n\r\n\r\nb\r\n");
		assertThat(RelaxedCanonicalization.body("\r\n \t\r\n\r\n")).isEmpty();
	}

	@Test
	void hashesAnEmptyBodyAsTheErrataSay() throws Exception {
		// RFC 4871 erratum 1376: the relaxed empty body is the null input
		byte[] hash = MessageDigest.getInstance("SHA-256")
			.digest(RelaxedCanonicalization.body("").getBytes(StandardCharsets.ISO_8859_1));

		assertThat(Base64.getEncoder().encodeToString(hash)).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
	}

	@Test
	void keepsEightBitBytesAsTheyAre() {
		String latin1 = new String("Subject: Gedächtnis  ".getBytes(StandardCharsets.UTF_8),
				StandardCharsets.ISO_8859_1);

		assertThat(RelaxedCanonicalization.header(latin1).getBytes(StandardCharsets.ISO_8859_1))
			.isEqualTo("subject:Gedächtnis".getBytes(StandardCharsets.UTF_8));
	}

}
