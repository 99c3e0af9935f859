package dev.paperboy.subscription;

import org.springframework.stereotype.Service;

/**
 * What readers said about one paper: the "more like this" and "less like this" votes.
 */
@Service
public class PaperFeedback {

	private final FeedbackVotes votes;

	PaperFeedback(FeedbackVotes votes) {
		this.votes = votes;
	}

	/**
	 * @param paperKey the paper's key
	 * @return its votes
	 */
	public Votes votes(String paperKey) {
		return this.votes.of(paperKey);
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
