package dev.paperboy.subscription;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What readers said about one paper: the "more like this" and "less like this" votes.
 */
@Service
public class PaperFeedback {

	private final JdbcClient jdbc;

	PaperFeedback(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param paperKey the paper's key
	 * @return its votes
	 */
	public Votes votes(String paperKey) {
		// feedback_paper_idx finds the paper's votes
		return this.jdbc.sql("""
				select count(*) filter (where vote > 0) as more, count(*) filter (where vote < 0) as less
				from feedback where paper_key = :key
				""")
			.param("key", paperKey)
			.query((rs, n) -> new Votes(rs.getLong("more"), rs.getLong("less")))
			.single();
	}

	/**
	 * A paper's votes.
	 *
	 * @param more "more like this"
	 * @param less "less like this"
	 */
	public record Votes(long more, long less) {

	}

}
