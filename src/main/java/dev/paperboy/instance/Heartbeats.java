package dev.paperboy.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code instance} table: one row per running instance, a handful of rows.
 */
@Repository
class Heartbeats {

	// this machine's name, as an instance records where it runs
	static final String HOST = hostName();

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
				insert into instance (id, started_at, beat_at, expires_at, host, pid)
				values (:id, now(), now(), now() + cast(:after as interval), :host, :pid)
				on conflict (id) do update set beat_at = now(), expires_at = now() + cast(:after as interval)
				returning xmax <> 0
				""")
			.param("id", id)
			.param("host", HOST)
			.param("pid", ProcessHandle.current().pid())
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

	/**
	 * Removes the other instances of this machine whose process is gone (a
	 * {@code kill -9} and a restart): dead for sure, before their beats expire. A process
	 * id reused since by another process leaves the row to expire as any other.
	 * @param me this instance
	 * @return their ids
	 */
	List<UUID> removeGoneHere(UUID me) {
		// a sequential scan of a handful of rows
		List<UUID> gone = this.jdbc.sql("select id, pid from instance where host = :host and id <> :me")
			.param("host", HOST)
			.param("me", me)
			.query((rs, n) -> ProcessHandle.of(rs.getLong(2)).map(ProcessHandle::isAlive).orElse(false) ? null
					: rs.getObject(1, UUID.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
		gone.forEach(this::remove);
		return gone;
	}

	void remove(UUID id) {
		this.jdbc.sql("delete from instance where id = :id").param("id", id).update();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// no name: only the beats tell its instances apart
			return "unknown-" + UUID.randomUUID();
		}
	}

}
