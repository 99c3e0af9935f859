package dev.paperboy.delivery;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
