package dev.paperboy.admin.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1,
 * 30-second steps, 6 digits; a code of the step before or after is accepted too, for
 * clocks that drift.
 */
public final class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/**
	 * @return a new 160-bit secret in Base32
	 */
	public static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return Base32.encode(secret);
	}

	/**
	 * @param secret a Base32 secret
	 * @param code what the user typed
	 * @param now the time
	 * @return the step the code belongs to (now, one before or one after), or empty
	 */
	public static OptionalLong verify(String secret, String code, Instant now) {
		if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = Base32.decode(secret);
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		// every candidate is compared, in constant time, so timing tells nothing
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	/**
	 * @param secret a Base32 secret
	 * @param now the time
	 * @return the current code (for tests and for showing how it works)
	 */
	public static String code(String secret, Instant now) {
		return code(Base32.decode(secret), step(now), DIGITS);
	}

	/**
	 * @param issuer the service's name
	 * @param account the user's name
	 * @param secret a Base32 secret
	 * @return the {@code otpauth://} URI authenticator apps read (Key Uri Format)
	 */
	public static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + PERIOD_SECONDS;
	}

	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
	}

	// RFC 4226 section 5.3: dynamic truncation of HMAC-SHA1(key, counter)
	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulo = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
