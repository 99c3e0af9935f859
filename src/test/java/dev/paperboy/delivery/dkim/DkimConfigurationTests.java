package dev.paperboy.delivery.dkim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import dev.paperboy.delivery.DeliveryProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.paperboy.delivery.dkim.DkimFixtures.DOMAIN;
import static dev.paperboy.delivery.dkim.DkimFixtures.KEY;
import static dev.paperboy.delivery.dkim.DkimFixtures.SELECTOR;
import static dev.paperboy.delivery.dkim.DkimFixtures.SIGNED_HEADERS;
import static dev.paperboy.delivery.dkim.DkimFixtures.bytes;
import static dev.paperboy.delivery.dkim.DkimFixtures.pem;
import static dev.paperboy.delivery.dkim.DkimFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class DkimConfigurationTests {

	private static final String FROM = "papers@paperboy.test";

	@Test
	void refusesHalfAConfiguration() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new DkimSigner(new DeliveryProperties.Dkim(DOMAIN, null, null, null, SIGNED_HEADERS), FROM))
			.withMessageContaining("half configured")
			.withMessageContaining("selector")
			.withMessageContaining("private-key-file");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new DkimSigner(new DeliveryProperties.Dkim(null, null, null, pem(KEY), SIGNED_HEADERS), FROM))
			.withMessageContaining("domain, selector");
	}

	@Test
	void refusesAKeyFileAndAKeyTogether(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("dkim.pem"), pem(KEY));

		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(dkim(file, pem(KEY)), FROM))
			.withMessageContaining("not both");
	}

	@Test
	void refusesKeysUnder1024BitsAndWarnsUnder2048(CapturedOutput output) throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(dkim(null, pem(DkimFixtures.rsa(768))), FROM))
			.withMessageContaining("768 bits");
		assertThat(output).doesNotContain("2048 is recommended");

		new DkimSigner(dkim(null, pem(DkimFixtures.rsa(1024))), FROM);

		assertThat(output).contains("The DKIM key has 1024 bits: 2048 is recommended");
	}

	@Test
	void refusesKeysThatAreNotRsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair ec = generator.generateKeyPair();

		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(dkim(null, pem(ec)), FROM))
			.withMessageContaining("EC key");
	}

	@Test
	void refusesWhatIsNotAPemKeyWithoutRepeatingIt() {
		String garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----\n";

		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(dkim(null, garbage), FROM))
			.withMessageContaining("not an unencrypted PEM private key")
			.withMessageNotContaining("c2VjcmV0LWJ1dC1ub3QtYS1rZXk");
		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(dkim(null, "just a password"), FROM))
			.withMessageContaining("not an unencrypted PEM private key")
			.withMessageNotContaining("just a password");
	}

	@Test
	void refusesToLeaveFromUnsigned() {
		DeliveryProperties.Dkim settings = new DeliveryProperties.Dkim(DOMAIN, SELECTOR, null, pem(KEY),
				List.of("To", "Subject"));

		assertThatIllegalStateException().isThrownBy(() -> new DkimSigner(settings, FROM))
			.withMessageContaining("must include From");
	}

	@Test
	void readsPkcs1AndPkcs8KeysFromAFile(@TempDir Path directory) throws Exception {
		Path pkcs1 = Files.writeString(directory.resolve("pkcs1.pem"), DkimFixtures.pkcs1Pem(KEY));
		Path pkcs8 = Files.writeString(directory.resolve("pkcs8.pem"), pem(KEY));

		assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		for (Path file : List.of(pkcs1, pkcs8)) {
			DkimSigner signer = new DkimSigner(dkim(file, null), FROM);
			assertThat(verify(signer.sign(bytes(DkimFixtures.digest())))).as(file.toString()).hasSize(1);
		}
	}

	@Test
	void logsTheDnsRecordToPublishAndNeverTheKey(CapturedOutput output) throws Exception {
		DeliveryProperties.Dkim settings = DkimFixtures.settings(KEY);

		new DkimSigner(settings, FROM).sign(bytes(DkimFixtures.digest()));

		String privateKey = Base64.getEncoder().encodeToString(KEY.getPrivate().getEncoded());
		assertThat(output).contains(
				"publish this TXT record at test._domainkey.paperboy.test: " + DkimFixtures.dnsRecord(KEY.getPublic()));
		assertThat(output).doesNotContain(privateKey.substring(100, 140));
		assertThat(settings.toString()).contains("privateKey=(secret)").doesNotContain(privateKey.substring(100, 140));
		assertThat(DkimKey.load(null, pem(KEY)).toString()).doesNotContain(privateKey.substring(100, 140));
	}

	@Test
	void warnsWhenTheSenderIsOutsideTheSigningDomain(CapturedOutput output) {
		new DkimSigner(DkimFixtures.settings(KEY), "papers@news.paperboy.test");
		assertThat(output).doesNotContain("DMARC");

		new DkimSigner(DkimFixtures.settings(KEY), "papers@notpaperboy.test");
		assertThat(output).contains("Mail comes from notpaperboy.test but is signed for paperboy.test");
	}

	@Test
	void acceptsOnlyDomainNamesForDomainAndSelector() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

		assertThat(validator.validate(DkimFixtures.settings(KEY))).isEmpty();
		assertThat(validator.validate(new DeliveryProperties.Dkim("", "", null, null, SIGNED_HEADERS))).isEmpty();
		assertThat(validator
			.validate(new DeliveryProperties.Dkim("paperboy.test; x=1", "2026-11.mail", null, null, SIGNED_HEADERS)))
			.extracting((violation) -> violation.getPropertyPath().toString())
			.containsExactly("domain");
	}

	private static DeliveryProperties.Dkim dkim(Path file, String key) {
		return new DeliveryProperties.Dkim(DOMAIN, SELECTOR, file, key, SIGNED_HEADERS);
	}

}
