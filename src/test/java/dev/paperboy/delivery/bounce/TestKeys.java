package dev.paperboy.delivery.bounce;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real keys and certificates made for the tests: an RSA key with a self-signed
 * certificate standing in for Amazon SNS's, and an ECDSA P-256 key standing in for
 * SendGrid's.
 */
final class TestKeys {

	private TestKeys() {
	}

	static KeyPair rsa() {
		return generate("RSA", null);
	}

	static KeyPair p256() {
		return generate("EC", new ECGenParameterSpec("secp256r1"));
	}

	static X509Certificate selfSigned(KeyPair keys, Instant notBefore, Instant notAfter) {
		X500Name name = new X500Name("CN=sns.test.amazonaws.com");
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
						Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static X509Certificate selfSigned(KeyPair keys) {
		return selfSigned(keys, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
	}

	static String pem(X509Certificate certificate) {
		try {
			return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(String algorithm, PrivateKey key, byte[]... parts) {
		try {
			Signature signature = Signature.getInstance(algorithm);
			signature.initSign(key);
			for (byte[] part : parts) {
				signature.update(part);
			}
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (spec != null) {
				generator.initialize(spec);
			}
			else {
				generator.initialize(2048);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
