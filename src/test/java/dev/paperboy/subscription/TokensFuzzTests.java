package dev.paperboy.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes token verification: a token that verifies is one that was issued, for what it
 * was issued, and no change to an issued token verifies. Seeds are in
 * {@code TokensFuzzTestsInputs/}; see docs/reliability.md (Fuzzing).
 */
class TokensFuzzTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Tokens TOKENS = TokensTests
		.tokens(List.of("fuzzing-key-0123456789abcdefghijklmnop", "older-fuzzing-key-0123456789abcdefghij"), NOW);

	// Issued once, deterministically: the seeds of fuzzedTokensVerifyOnlyAsIssued are
	// these tokens.
	private static final Map<String, Tokens.Verified> ISSUED = issued();

	@FuzzTest(maxDuration = "30s")
	void fuzzedTokensVerifyOnlyAsIssued(byte[] input) {
		String token = new String(input, StandardCharsets.ISO_8859_1);
		for (TokenPurpose purpose : TokenPurpose.values()) {
			Optional<Tokens.Verified> verified = TOKENS.verify(token, purpose);
			if (verified.isPresent()) {
				assertThat(ISSUED).as("a token that verifies was issued").containsKey(token);
				assertThat(verified.get()).isEqualTo(ISSUED.get(token));
			}
		}
	}

	@FuzzTest(maxDuration = "30s")
	void aChangedIssuedTokenNeverVerifies(FuzzedDataProvider data) {
		TokenPurpose purpose = data.pickValue(TokenPurpose.values());
		long subscriber = data.consumeLong();
		long subject = data.consumeLong();
		Instant issuedAt = NOW.minusSeconds(data.consumeLong(0, 3600));
		String token = TOKENS.issue(subscriber, purpose, subject, issuedAt);
		assertThat(TOKENS.verify(token, purpose)).as("an issued token verifies as issued")
			.contains(new Tokens.Verified(subscriber, purpose, issuedAt, subject));
		String changed = change(token, data);
		if (!changed.equals(token)) {
			for (TokenPurpose any : TokenPurpose.values()) {
				assertThat(TOKENS.verify(changed, any)).as("changed token %s of %s", changed, token).isEmpty();
			}
		}
	}

	// Replaces, inserts or deletes characters, or appends padding or white space.
	private static String change(String token, FuzzedDataProvider data) {
		StringBuilder changed = new StringBuilder(token);
		int changes = data.consumeInt(1, 4);
		for (int i = 0; i < changes && data.remainingBytes() > 0; i++) {
			int at = data.consumeInt(0, changed.length());
			switch (data.consumeInt(0, 3)) {
				case 0 -> {
					if (at < changed.length()) {
						changed.setCharAt(at, data.consumeChar());
					}
				}
				case 1 -> changed.insert(at, data.consumeChar());
				case 2 -> {
					if (at < changed.length()) {
						changed.deleteCharAt(at);
					}
				}
				default -> changed.append(data.pickValue(List.of("=", "==", " ", "\n", "%3D")));
			}
		}
		return changed.toString();
	}

	private static Map<String, Tokens.Verified> issued() {
		Map<String, Tokens.Verified> issued = new LinkedHashMap<>();
		for (TokenPurpose purpose : TokenPurpose.values()) {
			for (long subscriber : new long[] { 1, 42, Long.MAX_VALUE }) {
				Instant at = NOW.minusSeconds(60);
				issued.put(TOKENS.issue(subscriber, purpose, 7, at), new Tokens.Verified(subscriber, purpose, at, 7));
			}
		}
		return issued;
	}

	public static void main(String[] args) {
		// Prints the issued tokens, to refresh the seed corpus after a format change.
		ISSUED.keySet().forEach(System.out::println);
	}

}
