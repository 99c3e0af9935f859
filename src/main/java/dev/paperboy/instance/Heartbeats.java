package dev.paperboy.instance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code instance} table: one row per running instance, a handful of rows.
 */
@Repository
class Heartbeats {

	private final JdbcClient jdbc;

	Heartbeats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a beat.
	 * @return false when the row was gone: the others took this instance for dead
	 */
	boolean beat(UUID id, Duration deadAfter) {
		// the primary key; xmax = 0 on a row just inserted
		return this.jdbc.sql("""
				insert into instance (id, started_at, beat_at, expires_at)
				values (:id, now(), now(), now() + cast(:after as interval))
				on conflict (id) do update set beat_at = now(), expires_at = now() + cast(:after as interval)
				returning xmax <> 0
				""")
			.param("id", id)
			.param("after", deadAfter.toMillis() + " milliseconds")
			.query(Boolean.class)
			.single();
	}

	/**
	 * Removes the instances that stopped beating (row locks: two instances never both
	 * take one).
	 * @return their ids
	 */
	List<UUID> removeDead() {
		// a sequential scan of a handful of rows
		return this.jdbc.sql("delete from instance where expires_at < now() returning id").query(UUID.class).list();
	}

	void remove(UUID id) {
		this.jdbc.sql("delete from instance where id = :id").param("id", id).update();
	}

}
