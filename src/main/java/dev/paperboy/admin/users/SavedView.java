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
 * A search a user saved on a console page: the page and its query string.
 */
@Entity
@Table(name = "saved_view")
class SavedView {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "owner_id", nullable = false, updatable = false)
	private long ownerId;

	@Column(nullable = false, updatable = false)
	private String page;

	@Column(nullable = false, updatable = false)
	private String name;

	@Column(nullable = false)
	private String query;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	protected SavedView() {
		this.page = "";
		this.name = "";
		this.query = "";
	}

	SavedView(long ownerId, String page, String name, String query) {
		this.ownerId = ownerId;
		this.page = page;
		this.name = name;
		this.query = query;
	}

	String getPage() {
		return this.page;
	}

	String getName() {
		return this.name;
	}

	String getQuery() {
		return this.query;
	}

	void setQuery(String query) {
		this.query = query;
	}

}
