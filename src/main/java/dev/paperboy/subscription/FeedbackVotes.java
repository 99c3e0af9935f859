package dev.paperboy.subscription;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link PaperFeedback}.
 */
@Repository
class FeedbackVotes {

	private final JdbcClient jdbc;

	FeedbackVotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PaperFeedback.Votes of(String paperKey) {
		// feedback_paper_idx finds the paper's votes
		return this.jdbc.sql("""
				select count(*) filter (where vote > 0) as more, count(*) filter (where vote < 0) as less
				from feedback where paper_key = :key
				""")
			.param("key", paperKey)
			.query((rs, n) -> new PaperFeedback.Votes(rs.getLong("more"), rs.getLong("less")))
			.single();
	}

}
