package dev.paperboy.admin.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One admin action or sign-in: who, what, when, from where, and how it ended.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false)
	private Instant at = Instant.now();

	@Column(nullable = false, updatable = false)
	private String actor;

	@Column(nullable = false, updatable = false)
	private String action;

	@Column(updatable = false)
	private @Nullable String target;

	@Column(nullable = false, updatable = false)
	private String outcome;

	@Column(name = "remote_address", updatable = false)
	private @Nullable String remoteAddress;

	protected AuditEvent() {
		this.actor = "";
		this.action = "";
		this.outcome = "";
	}

	AuditEvent(String actor, String action, @Nullable String target, String outcome, @Nullable String remoteAddress) {
		this.actor = actor;
		this.action = action;
		this.target = target;
		this.outcome = outcome;
		this.remoteAddress = remoteAddress;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public String getOutcome() {
		return this.outcome;
	}

	public @Nullable String getRemoteAddress() {
		return this.remoteAddress;
	}

}
