package dev.paperboy.digest.composition;

import java.time.Instant;
import java.util.List;

/**
 * A digest composed for a subscriber.
 *
 * @param subscriberId the subscriber
 * @param period the period's name
 * @param dueAt when it was due
 * @param trending whether these are trending papers rather than matches
 * @param papers the papers, best first (none: the period is skipped)
 */
public record Composed(long subscriberId, String period, Instant dueAt, boolean trending, List<Pick> papers) {

	/**
	 * A paper of a digest.
	 *
	 * @param paperId the paper
	 * @param score its score
	 * @param reasons why it was picked
	 */
	public record Pick(long paperId, double score, List<String> reasons) {

	}

}
