package dev.paperboy;

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

}
