package dev.paperboy.delivery;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one row of {@code sending_switch}, read and written by primary key.
 */
class SwitchRow {

	private final JdbcClient jdbc;

	SwitchRow(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SendingSwitch.State read() {
		return this.jdbc.sql("select paused, changed_at, changed_by from sending_switch where id")
			.query((rs, n) -> new SendingSwitch.State(rs.getBoolean(1), rs.getTimestamp(2).toInstant(),
					rs.getString(3)))
			.optional()
			.orElseGet(() -> new SendingSwitch.State(false, Instant.EPOCH, null));
	}

	void set(boolean paused, String by) {
		this.jdbc.sql("update sending_switch set paused = :paused, changed_at = now(), changed_by = :by")
			.param("paused", paused)
			.param("by", by)
			.update();
	}

}
