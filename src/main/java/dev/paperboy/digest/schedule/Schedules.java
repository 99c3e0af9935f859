package dev.paperboy.digest.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.paperboy.SqlArrays;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code digest_schedule} table: when each subscriber's next digest is due.
 */
@Repository
class Schedules {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Schedules(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A subscriber's schedule: when their next digest is due, and the profile's
	 * cadence|weekday|hour|zone it was computed from.
	 */
	record Schedule(long subscriberId, String fingerprint, Instant nextDueAt) {
	}

	/**
	 * Sets a page of subscribers' next due times, in one statement, leaving alone those
	 * whose schedule is already up to date. A schedule written for a subscriber erased
	 * meanwhile is dropped by the composer, which finds no such subscriber.
	 */
	void schedule(List<Schedule> schedules) {
		if (schedules.isEmpty()) {
			return;
		}
		// digest_schedule_pkey
		this.jdbc
			.sql("""
					insert into digest_schedule (subscriber_id, schedule, next_due_at)
					select r.id, r.schedule, r.due
					from unnest(cast(:ids as bigint[]), cast(:schedules as text[]), cast(:dues as timestamptz[]))
					    as r(id, schedule, due)
					on conflict (subscriber_id) do update set schedule = excluded.schedule, next_due_at = excluded.next_due_at
					where digest_schedule.schedule <> excluded.schedule
					""")
			.param("ids", SqlArrays.bigints(schedules.stream().map(Schedule::subscriberId).toList()))
			.param("schedules", schedules.stream().map(Schedule::fingerprint).toArray(String[]::new))
			.param("dues", schedules.stream().map((schedule) -> schedule.nextDueAt().toString()).toArray(String[]::new))
			.update();
	}

	/** Deletes an erased subscriber's schedule. */
	void erase(long subscriberId) {
		// digest_schedule_pkey
		this.jdbc.sql("delete from digest_schedule where subscriber_id = :id").param("id", subscriberId).update();
	}

	void unschedule(Collection<Long> subscriberIds) {
		if (!subscriberIds.isEmpty()) {
			this.jdbc.sql("delete from digest_schedule where subscriber_id = any(cast(:ids as bigint[]))")
				.param("ids", SqlArrays.bigints(subscriberIds))
				.update();
		}
	}

	/** Sets the next due time of a page of schedules, in one statement. */
	void reschedule(Map<Long, Instant> nextDueAt) {
		if (nextDueAt.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		nextDueAt.forEach((id, due) -> rows.add(Map.of("subscriber_id", id, "due", due.toString())));
		this.jdbc.sql("""
				update digest_schedule s set next_due_at = r.due
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(subscriber_id bigint, due timestamptz)
				where s.subscriber_id = r.subscriber_id
				""").param("rows", this.json.writeValueAsString(rows)).update();
	}

	/**
	 * Locks a page of due schedules (others running the scheduler skip them).
	 * @return subscriber ids
	 */
	List<Long> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select subscriber_id from digest_schedule where next_due_at <= :now
				order by next_due_at, subscriber_id limit :limit for update skip locked
				""").param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
	}

}
