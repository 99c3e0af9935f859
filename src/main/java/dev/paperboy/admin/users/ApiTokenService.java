package dev.paperboy.admin.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the admin API: {@code pb_} and 32 random bytes (base64url),
 * shown once when created and kept only as a SHA-256. A token acts with its own role, at
 * most its owner's current one; a revoked token, or one whose owner is disabled, is
 * refused from the next request on.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "pb_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokens tokens;

	private final ConsoleUsers users;

	ApiTokenService(ApiTokens tokens, ConsoleUsers users) {
		this.tokens = tokens;
		this.users = users;
	}

	/**
	 * @param creator who creates it: a console user's name, or null for the bootstrap
	 * token
	 * @param creatorRole the creator's role; the token's may be no higher
	 * @param name what the token is for
	 * @param role the token's role
	 * @return the token (its only appearance) and how it is listed
	 */
	@Transactional
	public CreatedToken create(@Nullable String creator, Role creatorRole, String name, Role role) {
		String label = (name != null) ? name.strip() : "";
		if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
			throw AdminRequestException.invalid("A token's name is 1 to 100 characters on one line");
		}
		if (!creatorRole.includes(role)) {
			throw AdminRequestException.invalid("A token's role can be at most yours (" + creatorRole + ")");
		}
		ConsoleUser owner = (creator != null) ? this.users.findByUsername(creator).orElse(null) : null;
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		ApiToken saved = this.tokens
			.save(new ApiToken(label, sha256(token), token.substring(0, PREFIX.length() + 6), role, owner));
		return new CreatedToken(token, TokenView.of(saved));
	}

	@Transactional(readOnly = true)
	public Page<TokenView> list(Pageable pageable) {
		return this.tokens.findAllWithOwner(pageable).map(TokenView::of);
	}

	@Transactional
	public TokenView revoke(long id) {
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> AdminRequestException.notFound("Token " + id));
		token.revoke(Instant.now());
		return TokenView.of(token);
	}

	/**
	 * @param presented what a request presented as its bearer token
	 * @return who it acts for and with which role, unless it is unknown, revoked or its
	 * owner is disabled
	 */
	@Transactional
	public Optional<Bearer> authenticate(String presented) {
		if (!presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiToken> found = this.tokens.findByTokenHash(sha256(presented));
		if (found.isEmpty() || found.get().getRevokedAt() != null) {
			return Optional.empty();
		}
		ApiToken token = found.get();
		ConsoleUser owner = token.getOwner();
		if (owner != null && !owner.isEnabled()) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		this.tokens.used(token.getId(), now, now.minus(Duration.ofMinutes(1)));
		Role role = (owner != null) ? token.getRole().atMost(owner.getRole()) : token.getRole();
		// acts as its owner (in the audit log too); an ownerless token by its prefix
		String name = (owner != null) ? owner.getUsername() : "api-token " + token.getPrefix();
		return Optional.of(new Bearer(name, role));
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param token the token, shown this once
	 * @param view how it is listed from now on
	 */
	public record CreatedToken(String token, TokenView view) {
	}

	/**
	 * @param name who acts: the owner's name (or {@code api-token pb_...} for a token
	 * created with the bootstrap token)
	 * @param role with which role
	 */
	public record Bearer(String name, Role role) {
	}

	/**
	 * A token as the list shows it.
	 *
	 * @param id the id
	 * @param name what it is for
	 * @param prefix its first characters, to recognize it
	 * @param role its role
	 * @param owner who created it ({@code bootstrap token} for none)
	 * @param createdAt when
	 * @param lastUsedAt when last used (to the minute)
	 * @param revokedAt when revoked
	 */
	public record TokenView(long id, String name, String prefix, Role role, String owner, Instant createdAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		static TokenView of(ApiToken token) {
			ConsoleUser owner = token.getOwner();
			return new TokenView(token.getId(), token.getName(), token.getPrefix(), token.getRole(),
					(owner != null) ? owner.getUsername() : "bootstrap token", token.getCreatedAt(),
					token.getLastUsedAt(), token.getRevokedAt());
		}

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

}
