package dev.paperboy.delivery.bounce;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link Bounces}: each bounce or complaint recorded once, and the count
 * of an address's soft bounces within the window.
 */
@Repository
class BounceEvents {

	private final JdbcClient jdbc;

	BounceEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the provider had reported this event for this address before
	 */
	boolean add(String provider, @Nullable String eventId, Bounces.Kind kind, String hash, String detail) {
		// bounce_event_once_idx (provider, event_id, address_hash) makes a
		// redelivery a no-op.
		int inserted = this.jdbc.sql("""
				insert into bounce_event (provider, event_id, kind, address_hash, detail)
				values (:provider, :eventId, :kind, :hash, :detail)
				on conflict do nothing""")
			.param("provider", provider)
			.param("eventId", eventId)
			.param("kind", kind.name())
			.param("hash", hash)
			.param("detail", detail)
			.update();
		return inserted != 0;
	}

	/**
	 * Counts a soft bounce, starting the count again when the window has passed.
	 * @return the address's soft bounces within the window, this one included
	 */
	int countSoftBounce(String hash, Duration window) {
		// soft_bounce_pkey (address_hash).
		return this.jdbc.sql("""
				insert into soft_bounce as s (address_hash, bounces, window_start, last_bounce_at)
				values (:hash, 1, now(), now())
				on conflict (address_hash) do update set
				    bounces = case when s.window_start > now() - :seconds * interval '1 second'
				                   then s.bounces + 1 else 1 end,
				    window_start = case when s.window_start > now() - :seconds * interval '1 second'
				                        then s.window_start else now() end,
				    last_bounce_at = now()
				returning bounces""")
			.param("hash", hash)
			.param("seconds", window.toSeconds())
			.query(Integer.class)
			.single();
	}

	void forgetSoftBounces(String hash) {
		// soft_bounce_pkey (address_hash).
		this.jdbc.sql("delete from soft_bounce where address_hash = :hash").param("hash", hash).update();
	}

}
