package dev.paperboy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the tables between tests that share one database.
 */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcClient jdbc) {
		jdbc.sql("truncate paper, paper_popularity, fetch_run, fetch_rejection restart identity cascade").update();
	}

}
