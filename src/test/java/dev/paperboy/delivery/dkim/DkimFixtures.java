package dev.paperboy.delivery.dkim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import dev.paperboy.delivery.DeliveryProperties;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Keys made in the test, a realistic message, and Apache James jDKIM as the independent
 * verifier, its DNS answered with the test key for {@code test._domainkey.paperboy.test}
 * only.
 */
final class DkimFixtures {

	static final String DOMAIN = "paperboy.test";

	static final String SELECTOR = "test";

	static final List<String> SIGNED_HEADERS = List.of("From", "Reply-To", "To", "Subject", "Date", "Message-ID",
			"MIME-Version", "Content-Type", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");

	static final KeyPair KEY = rsa(2048);

	private DkimFixtures() {
	}

	static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** PKCS#8 PEM, as {@code openssl genpkey} writes it. */
	static String pem(KeyPair key) {
		return pem("PRIVATE KEY", key.getPrivate().getEncoded());
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	/** PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), as older openssl genrsa writes it. */
	static String pkcs1Pem(KeyPair key) {
		// PKCS#8 wraps PKCS#1: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING {
		// PKCS#1 } }
		byte[] der = key.getPrivate().getEncoded();
		int at = headerLength(der, 0);
		at += headerLength(der, at) + der[at + 1];
		at += headerLength(der, at) + der[at + 1];
		return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, at + headerLength(der, at), der.length));
	}

	private static int headerLength(byte[] der, int at) {
		return ((der[at + 1] & 0x80) != 0) ? 2 + (der[at + 1] & 0x7f) : 2;
	}

	static DeliveryProperties.Dkim settings(KeyPair key) {
		return new DeliveryProperties.Dkim(DOMAIN, SELECTOR, null, pem(key), SIGNED_HEADERS);
	}

	static String dnsRecord(PublicKey key) {
		return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
	}

	/**
	 * The signatures jDKIM verifies.
	 * @throws FailException when none verifies
	 */
	static List<SignatureRecord> verify(byte[] message) throws Exception {
		DKIMVerifier verifier = new DKIMVerifier(
				(method, selector, domain) -> (SELECTOR.contentEquals(selector) && DOMAIN.contentEquals(domain))
						? List.of(dnsRecord(KEY.getPublic())) : List.of());
		return verifier.verify(new ByteArrayInputStream(message));
	}

	static byte[] bytes(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	static String text(byte[] message) {
		return new String(message, StandardCharsets.ISO_8859_1);
	}

	static byte[] bytes(String message) {
		return message.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A digest as a mail client sees it: multipart/alternative, a non-ASCII subject, an
	 * 8-bit text part with trailing whitespace and empty lines at the end, an HTML part
	 * with bare line feeds, one-click unsubscribe headers.
	 */
	static MimeMessage digest() throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("papers@paperboy.test", "Paperboy"));
		message.setReplyTo(InternetAddress.parse("editors@paperboy.test"));
		message.setRecipients(RecipientType.TO, "ada@lab.example.org");
		message.setSubject("Vos articles de la semaine : mémoire, attention et « retrieval » — 5 papiers", "UTF-8");
		message.setHeader("List-Id", "Paperboy weekly digest <weekly.paperboy.test>");
		message.setHeader("List-Unsubscribe", "<https://papers.example.org/unsubscribe/tok3n-abc123>");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Bonjour Ada,\n\nCinq articles sur la mémoire des modèles de langue…   \n"
				+ "1. Über Aufmerksamkeit\t und Gedächtnis\n\n\n", "UTF-8");
		text.setHeader("Content-Transfer-Encoding", "8bit");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Bonjour Ada,</p>\n<ol>\n  <li>Attention  and memory</li>\n</ol>\n", "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		return message;
	}

}
