package dev.paperboy.admin.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token: only its SHA-256 is kept.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private byte[] tokenHash;

	@Column(nullable = false, updatable = false)
	private String prefix;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_id")
	private @Nullable ConsoleUser owner;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = new byte[0];
		this.prefix = "";
		this.role = Role.VIEWER;
	}

	ApiToken(String name, byte[] tokenHash, String prefix, Role role, @Nullable ConsoleUser owner) {
		this.name = name;
		this.tokenHash = tokenHash;
		this.prefix = prefix;
		this.role = role;
		this.owner = owner;
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getPrefix() {
		return this.prefix;
	}

	Role getRole() {
		return this.role;
	}

	@Nullable ConsoleUser getOwner() {
		return this.owner;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	@Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	void revoke(Instant at) {
		if (this.revokedAt == null) {
			this.revokedAt = at;
		}
	}

}
