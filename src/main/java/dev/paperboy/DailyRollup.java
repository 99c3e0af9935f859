package dev.paperboy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's daily figures, rolled up from its own tables into its own small rollup table
 * (the console's dashboard reads those, never the big tables). Every rollup bean is run
 * by {@link DailyRollups} every minute.
 */
public interface DailyRollup {

	/**
	 * Re-counts the recent days, on whichever instance gets the rollup's advisory lock
	 * first.
	 * @return whether this instance did it (false: another one holds the lock)
	 */
	boolean rollUp();

	/**
	 * Takes a rollup's advisory lock for the current transaction, if no other instance
	 * holds it.
	 * @param jdbc the database, inside the rollup's transaction
	 * @param key the rollup's lock key
	 * @return whether this transaction holds it now
	 */
	static boolean lock(JdbcClient jdbc, long key) {
		return Boolean.TRUE
			.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", key).query(Boolean.class).single());
	}

	/**
	 * @return the days a rollup re-counts: yesterday and today (UTC), as events of
	 * yesterday may still arrive (a late bounce, a digest sent after midnight)
	 */
	static List<LocalDate> recentDays() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return List.of(today.minusDays(1), today);
	}

}
