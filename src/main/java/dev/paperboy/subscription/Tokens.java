package dev.paperboy.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed link tokens: HMAC-SHA256 over subscriber, purpose and issue time (and an
 * optional subject such as a paper), under the newest configured key; every configured
 * key verifies. Verification compares in constant time and says nothing about why a token
 * failed.
 */
@Component
public class Tokens {

	private static final byte VERSION = 1;

	// version, purpose, key id (4), subscriber (8), issued at (8), subject (8)
	private static final int PAYLOAD = 1 + 1 + 4 + 8 + 8 + 8;

	private static final int MAC = 32;

	private final Map<Integer, SecretKeySpec> keys = new LinkedHashMap<>();

	private final int currentKey;

	private final Map<TokenPurpose, Duration> validity;

	private final Clock clock;

	@Autowired
	Tokens(TokenProperties tokens, SubscriptionProperties subscriptions) {
		this(tokens, subscriptions, Clock.systemUTC());
	}

	Tokens(TokenProperties tokens, SubscriptionProperties subscriptions, Clock clock) {
		for (String secret : tokens.keys()) {
			SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			this.keys.putIfAbsent(keyId(key), key);
		}
		this.currentKey = keyId(new SecretKeySpec(tokens.keys().get(0).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		this.validity = Map.of(TokenPurpose.CONFIRM, subscriptions.confirmationValidity(), TokenPurpose.MANAGE,
				tokens.manageValidity(), TokenPurpose.VIEW, tokens.manageValidity(), TokenPurpose.UNSUBSCRIBE,
				tokens.unsubscribeValidity(), TokenPurpose.FEEDBACK, tokens.feedbackValidity());
		this.clock = clock;
	}

	public String issue(long subscriberId, TokenPurpose purpose) {
		return issue(subscriberId, purpose, 0, this.clock.instant());
	}

	public String issue(long subscriberId, TokenPurpose purpose, long subject) {
		return issue(subscriberId, purpose, subject, this.clock.instant());
	}

	String issue(long subscriberId, TokenPurpose purpose, long subject, Instant issuedAt) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC);
		payload.put(VERSION)
			.put((byte) purpose.ordinal())
			.putInt(this.currentKey)
			.putLong(subscriberId)
			.putLong(issuedAt.getEpochSecond())
			.putLong(subject);
		payload.put(mac(this.keys.get(this.currentKey), payload.array(), PAYLOAD));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
	}

	/**
	 * Verifies a token for one purpose.
	 * @param token the token from a link
	 * @param purpose what it must have been issued for
	 * @return the verified token, or empty when it is malformed, tampered with, signed by
	 * an unknown key, for another purpose, or expired
	 */
	public Optional<Verified> verify(@Nullable String token, TokenPurpose purpose) {
		// Only the one spelling issued: no padding, no other alphabet
		if (token == null || token.length() > 200 || !token.chars().allMatch(Tokens::isBase64Url)) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != PAYLOAD + MAC || bytes[0] != VERSION) {
			return Optional.empty();
		}
		// Only the one spelling issued: the decoder ignores the last character's unused
		// bits and accepts padding, so four other strings would decode to the same bytes.
		if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
			return Optional.empty();
		}
		ByteBuffer payload = ByteBuffer.wrap(bytes);
		payload.get();
		int purposeOrdinal = payload.get();
		SecretKeySpec key = this.keys.get(payload.getInt());
		if (key == null) {
			return Optional.empty();
		}
		byte[] expected = mac(key, bytes, PAYLOAD);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC))) {
			return Optional.empty();
		}
		long subscriberId = payload.getLong();
		Instant issuedAt = Instant.ofEpochSecond(payload.getLong());
		long subject = payload.getLong();
		if (purposeOrdinal != purpose.ordinal()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (issuedAt.isAfter(now.plusSeconds(300)) || issuedAt.plus(this.validity.get(purpose)).isBefore(now)) {
			return Optional.empty();
		}
		return Optional.of(new Verified(subscriberId, purpose, issuedAt, subject));
	}

	// One initialised Mac per thread and key: a digest signs some fifteen links, and
	// looking up and keying a new Mac cost more than the signature. doFinal resets it.
	private static final ThreadLocal<Map<SecretKeySpec, Mac>> MACS = ThreadLocal.withInitial(IdentityHashMap::new);

	private static byte[] mac(SecretKeySpec key, byte[] data, int length) {
		Mac mac = MACS.get().computeIfAbsent(key, (spec) -> {
			try {
				Mac created = Mac.getInstance("HmacSHA256");
				created.init(spec);
				return created;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
		mac.update(data, 0, length);
		return mac.doFinal();
	}

	private static int keyId(SecretKeySpec key) {
		return ByteBuffer.wrap(mac(key, "paperboy key id".getBytes(StandardCharsets.UTF_8), 15)).getInt();
	}

	/**
	 * A token that verified.
	 *
	 * @param subscriberId whose it is
	 * @param purpose what it is for
	 * @param issuedAt when it was issued (whole seconds)
	 * @param subject what it is about, such as a paper, or 0
	 */
	public record Verified(long subscriberId, TokenPurpose purpose, Instant issuedAt, long subject) {
	}

	private static boolean isBase64Url(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
