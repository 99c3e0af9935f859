package dev.paperboy.delivery;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link Branding}: the one {@code branding} row and the logos.
 */
@Repository
class BrandingStore {

	private final JdbcClient jdbc;

	BrandingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Brand> load() {
		// branding_pkey, brand_logo_pkey: one row each
		return this.jdbc.sql("""
				select b.sender_name, b.accent, b.footer, b.postal_address, l.hash, l.content_type
				from branding b left join brand_logo l on l.hash = b.logo_hash
				where b.id = 1
				""")
			.query((rs, row) -> new Brand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(rs.getString(5) != null) ? "/brand/logo/" + rs.getString(5) + extension(rs.getString(6)) : null))
			.optional();
	}

	void save(Brand brand, String actor) {
		this.jdbc.sql("""
				insert into branding (id, sender_name, accent, footer, postal_address, updated_by)
				values (1, :name, :accent, :footer, :address, :actor)
				on conflict (id) do update set sender_name = excluded.sender_name, accent = excluded.accent,
				    footer = excluded.footer, postal_address = excluded.postal_address, updated_at = now(),
				    updated_by = excluded.updated_by
				""")
			.param("name", brand.senderName())
			.param("accent", brand.accent())
			.param("footer", brand.footer())
			.param("address", brand.postalAddress())
			.param("actor", actor)
			.update();
	}

	// The logo of the row, created from the current values when there is none yet
	void useLogo(@Nullable String hash, Brand current, String actor) {
		this.jdbc.sql("""
				insert into branding (id, sender_name, accent, footer, postal_address, logo_hash, updated_by)
				values (1, :name, :accent, :footer, :address, :hash, :actor)
				on conflict (id) do update set logo_hash = excluded.logo_hash, updated_at = now(),
				    updated_by = excluded.updated_by
				""")
			.param("name", current.senderName())
			.param("accent", current.accent())
			.param("footer", current.footer())
			.param("address", current.postalAddress())
			.param("hash", hash)
			.param("actor", actor)
			.update();
	}

	void storeLogo(String hash, String contentType, byte[] bytes) {
		// brand_logo_pkey: the same image twice is one row
		this.jdbc.sql("""
				insert into brand_logo (hash, content_type, bytes) values (:hash, :type, :bytes)
				on conflict (hash) do nothing
				""").param("hash", hash).param("type", contentType).param("bytes", bytes).update();
	}

	Optional<Branding.Logo> logo(String hash) {
		// brand_logo_pkey
		return this.jdbc.sql("select content_type, bytes from brand_logo where hash = :hash")
			.param("hash", hash)
			.query((rs, row) -> new Branding.Logo(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	static String extension(String contentType) {
		return switch (contentType) {
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			default -> ".webp";
		};
	}

}
