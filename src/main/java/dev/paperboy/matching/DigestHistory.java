package dev.paperboy.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * What a subscriber already received, for previews that must show the next digest as it
 * will really be: implemented by the digest module, which keeps that record.
 */
public interface DigestHistory {

	/**
	 * @param subscriberId the subscriber
	 * @param paperIds papers
	 * @return those among them the subscriber already received
	 */
	Set<Long> sent(long subscriberId, Collection<Long> paperIds);

	/**
	 * @param subscriberId the subscriber
	 * @param earliest the earliest candidate time
	 * @return the later of that and the subscriber's previous digest
	 */
	Instant since(long subscriberId, Instant earliest);

}
