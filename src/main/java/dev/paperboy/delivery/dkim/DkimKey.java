package dev.paperboy.delivery.dkim;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.util.StringUtils;

/**
 * The RSA private key mail is signed with, read from PEM, and the DNS record of its
 * public key. No message here ever holds the key.
 *
 * @param privateKey the key
 * @param bits the modulus length
 * @param dnsRecord the TXT record to publish at {@code SELECTOR._domainkey.DOMAIN}, or
 * null when the public key cannot be derived from the private one
 */
record DkimKey(PrivateKey privateKey, int bits, @Nullable String dnsRecord) {

	@Override
	public String toString() {
		return "DkimKey[" + this.bits + "-bit RSA, privateKey=(secret)]";
	}

	static DkimKey load(@Nullable Path file, @Nullable String text) {
		if (file != null && StringUtils.hasText(text)) {
			throw new IllegalStateException("Set either paperboy.delivery.dkim.private-key-file or "
					+ "paperboy.delivery.dkim.private-key, not both");
		}
		PrivateKey key = read(file, text);
		if (!(key instanceof RSAPrivateKey rsa)) {
			throw new IllegalStateException("The DKIM private key is a " + key.getAlgorithm()
					+ " key: Paperboy signs with RSA (rsa-sha256), which every receiver verifies");
		}
		return new DkimKey(rsa, rsa.getModulus().bitLength(), dnsRecord(rsa));
	}

	private static PrivateKey read(@Nullable Path file, @Nullable String text) {
		String source = (file != null) ? "The DKIM private key file " + file : "paperboy.delivery.dkim.private-key";
		PrivateKey key;
		try {
			PemContent pem = (file != null) ? PemContent.load(file) : PemContent.of(text);
			key = (pem != null) ? pem.getPrivateKey() : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(source + " cannot be read: " + ex.getMessage(), ex);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// the parser's messages name the format, never the key's content
			throw new IllegalStateException(source + " is not an unencrypted PEM private key (PKCS#8 "
					+ "'BEGIN PRIVATE KEY', or PKCS#1 'BEGIN RSA PRIVATE KEY'): " + ex.getMessage(), ex);
		}
		if (key == null) {
			throw new IllegalStateException(source + " holds no PEM private key");
		}
		return key;
	}

	private static @Nullable String dnsRecord(RSAPrivateKey key) {
		if (!(key instanceof RSAPrivateCrtKey crt)) {
			return null;
		}
		try {
			byte[] publicKey = KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()))
				.getEncoded();
			return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

}
