package dev.paperboy.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link Suppressions}: the suppression table, keyed by the salted hash of
 * an address, and the one-off queue's emails to a suppressed address.
 */
@Repository
class SuppressionList {

	private final JdbcClient jdbc;

	SuppressionList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean contains(String hash) {
		// suppression_pkey (address_hash).
		return this.jdbc.sql("select exists (select 1 from suppression where address_hash = :hash)")
			.param("hash", hash)
			.query(Boolean.class)
			.single();
	}

	/**
	 * @param byHash addresses by their hash
	 * @return the addresses whose hash is listed
	 */
	Set<String> listed(Map<String, String> byHash) {
		Set<String> suppressed = new HashSet<>();
		// suppression_pkey (address_hash), once per hash.
		this.jdbc.sql("select address_hash from suppression where address_hash = any(cast(:hashes as text[]))")
			.param("hashes", byHash.keySet().toArray(String[]::new))
			.query((rs) -> {
				suppressed.add(byHash.get(rs.getString(1)));
			});
		return suppressed;
	}

	Optional<Suppressions.Entry> find(String hash) {
		// suppression_pkey (address_hash)
		return this.jdbc.sql("select address_hash, reason, created_at from suppression where address_hash = :hash")
			.param("hash", hash)
			.query((rs, row) -> new Suppressions.Entry(rs.getString(1), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	// Keyset pagination, newest first: the cursor is the last entry's time (microseconds)
	// and hash
	Suppressions.Page page(@Nullable String cursor, int size) {
		List<Suppressions.Entry> entries;
		if (cursor == null || cursor.isBlank()) {
			// suppression_created_idx (created_at desc, address_hash desc)
			entries = this.jdbc
				.sql("select address_hash, reason, created_at from suppression "
						+ "order by created_at desc, address_hash desc limit :limit")
				.param("limit", size + 1)
				.query(ENTRY)
				.list();
		}
		else {
			int bar = cursor.indexOf('_');
			Instant before;
			try {
				long micros = Long.parseLong(cursor.substring(0, bar));
				before = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
						Math.floorMod(micros, 1_000_000) * 1000);
			}
			catch (RuntimeException ex) {
				throw new Suppressions.InvalidInput("cursor", "is not a page of this list");
			}
			// suppression_created_idx, from the cursor on
			entries = this.jdbc
				.sql("select address_hash, reason, created_at from suppression "
						+ "where (created_at, address_hash) < (:before, :hash) "
						+ "order by created_at desc, address_hash desc limit :limit")
				.param("before", Timestamp.from(before))
				.param("hash", cursor.substring(bar + 1))
				.param("limit", size + 1)
				.query(ENTRY)
				.list();
		}
		if (entries.size() <= size) {
			return new Suppressions.Page(entries, null);
		}
		Suppressions.Entry last = entries.get(size - 1);
		Instant at = last.createdAt();
		long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
		return new Suppressions.Page(entries.subList(0, size), micros + "_" + last.hash());
	}

	private static final RowMapper<Suppressions.Entry> ENTRY = (rs, row) -> new Suppressions.Entry(rs.getString(1),
			rs.getString(2), rs.getTimestamp(3).toInstant());

	boolean remove(String hash) {
		// soft_bounce_pkey: the count starts again; suppression_pkey
		this.jdbc.sql("delete from soft_bounce where address_hash = :hash").param("hash", hash).update();
		return this.jdbc.sql("delete from suppression where address_hash = :hash").param("hash", hash).update() > 0;
	}

	void record(String hash, String action, String reason, String actor) {
		this.jdbc
			.sql("insert into suppression_change (address_hash, action, reason, actor) "
					+ "values (:hash, :action, :reason, :actor)")
			.param("hash", hash)
			.param("action", action)
			.param("reason", reason)
			.param("actor", actor)
			.update();
	}

	List<Suppressions.Change> changes(String hash) {
		// suppression_change_hash_idx (address_hash, changed_at)
		return this.jdbc
			.sql("select action, reason, actor, changed_at from suppression_change "
					+ "where address_hash = :hash order by changed_at desc limit 50")
			.param("hash", hash)
			.query((rs, row) -> new Suppressions.Change(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	void add(String hash, String address, String reason) {
		// suppression_pkey (address_hash) detects a repeat.
		this.jdbc.sql("insert into suppression (address_hash, reason) values (:hash, :reason) on conflict do nothing")
			.param("hash", hash)
			.param("reason", reason)
			.update();
		// Nor is anything kept for it in the one-off queue (an erased subscriber's
		// confirmation, say). No index: the table holds only emails not yet sent and
		// those that ended unsent, few rows.
		this.jdbc.sql("delete from mail_message where lower(recipient) = lower(:address)")
			.param("address", address.strip())
			.update();
	}

}
