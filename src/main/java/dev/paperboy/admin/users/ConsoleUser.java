package dev.paperboy.admin.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * Someone who signs in to the console.
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

	/**
	 * The session attribute holding the stamp of a password the session's user just
	 * changed themselves: that session stays signed in with it, every other one of theirs
	 * is signed out.
	 */
	public static final String RENEWED_CREDENTIALS = "paperboy.console.renewed-credentials";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "totp_secret")
	private @Nullable String totpSecret;

	@Column(name = "totp_last_step")
	private @Nullable Long totpLastStep;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "last_login_at")
	private @Nullable Instant lastLoginAt;

	@Version
	private int version;

	protected ConsoleUser() {
		this.username = "";
		this.passwordHash = "";
		this.role = Role.VIEWER;
	}

	public ConsoleUser(String username, String passwordHash, Role role) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * A short digest of the password's hash, kept by each signed-in session: a session
	 * whose stamp is not the user's current one signed in with a password changed since,
	 * and is signed out.
	 * @return the stamp of the current password
	 */
	public String credentialsStamp() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.passwordHash.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getTotpSecret() {
		return this.totpSecret;
	}

	public void setTotpSecret(@Nullable String totpSecret) {
		this.totpSecret = totpSecret;
	}

	public boolean hasSecondFactor() {
		return this.totpSecret != null;
	}

	public @Nullable Long getTotpLastStep() {
		return this.totpLastStep;
	}

	public void setTotpLastStep(@Nullable Long totpLastStep) {
		this.totpLastStep = totpLastStep;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	public void setLastLoginAt(@Nullable Instant lastLoginAt) {
		this.lastLoginAt = lastLoginAt;
	}

}
