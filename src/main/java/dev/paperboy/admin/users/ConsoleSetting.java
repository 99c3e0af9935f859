package dev.paperboy.admin.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One console-wide setting an admin changes at run time.
 */
@Entity
@Table(name = "console_setting")
class ConsoleSetting {

	@Id
	private String name;

	@Column(nullable = false)
	private String value;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected ConsoleSetting() {
		this.name = "";
		this.value = "";
	}

	ConsoleSetting(String name, String value) {
		this.name = name;
		this.value = value;
	}

	String getValue() {
		return this.value;
	}

	void setValue(String value) {
		this.value = value;
		this.updatedAt = Instant.now();
	}

}
