package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Verifies SendGrid's Signed Event Webhook: an ECDSA P-256 signature (SHA-256, DER,
 * base64) over the timestamp header followed by the exact request body, with a timestamp
 * close enough to now.
 */
final class SendGridSignatures {

	static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";

	static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

	private final PublicKey key;

	private final Duration tolerance;

	SendGridSignatures(String publicKey, Duration tolerance) {
		this.key = publicKey(publicKey);
		this.tolerance = tolerance;
	}

	/**
	 * Verifies a request.
	 * @param signature the signature header
	 * @param timestamp the timestamp header (seconds since the epoch)
	 * @param body the request body as received
	 * @param now the time now
	 * @throws WebhookException (403) when it does not verify or is too old
	 */
	void verify(@Nullable String signature, @Nullable String timestamp, byte[] body, Instant now) {
		if (signature == null || timestamp == null) {
			throw WebhookException.forbidden(
					"The request is not signed: " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER + " are needed.");
		}
		if (!fresh(timestamp, now)) {
			throw WebhookException.forbidden("The signed timestamp is not within "
					+ "paperboy.delivery.bounces.sendgrid.timestamp-tolerance of now.");
		}
		if (!verifies(this.key, signature, timestamp, body)) {
			throw WebhookException.forbidden("The SendGrid signature does not verify.");
		}
	}

	private boolean fresh(String timestamp, Instant now) {
		if (!timestamp.matches("[0-9]{1,12}")) {
			return false;
		}
		Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now);
		return age.abs().compareTo(this.tolerance) <= 0;
	}

	static boolean verifies(PublicKey key, String signature, String timestamp, byte[] body) {
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(key);
			verifier.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			verifier.update(body);
			return verifier.verify(Base64.getDecoder().decode(signature.strip()));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Reads the verification key as SendGrid shows it: base64 DER, with or without PEM
	 * armour.
	 * @param configured the configured key
	 * @return the key
	 * @throws IllegalArgumentException when it is not a P-256 public key
	 */
	static PublicKey publicKey(String configured) {
		String base64 = configured.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			PublicKey key = KeyFactory.getInstance("EC")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
			if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
				return key;
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// explained below
		}
		throw new IllegalArgumentException("paperboy.delivery.bounces.sendgrid.public-key is not the base64 "
				+ "verification key (an ECDSA P-256 public key) from SendGrid's Mail Settings");
	}

}
