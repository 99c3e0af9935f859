package dev.paperboy.matching;

import java.util.List;

/**
 * What a subscriber's next digest would hold.
 *
 * @param papers the papers, best first
 * @param trending true when the subscriber has no profile to match, so these are the
 * period's trending papers (and the digest says so)
 */
public record Selection(List<Match> papers, boolean trending) {

}
