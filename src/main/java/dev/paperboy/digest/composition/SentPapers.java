package dev.paperboy.digest.composition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.paperboy.matching.DigestHistory;

import org.springframework.stereotype.Component;

/**
 * Tells the matcher's previews what each subscriber already received, so a preview never
 * shows a paper that went out before.
 */
@Component
class SentPapers implements DigestHistory {

	private final ComposedDigests digests;

	SentPapers(ComposedDigests digests) {
		this.digests = digests;
	}

	@Override
	public Set<Long> sent(long subscriberId, Collection<Long> paperIds) {
		return this.digests.sent(List.of(subscriberId), paperIds).getOrDefault(subscriberId, Set.of());
	}

	@Override
	public Instant since(long subscriberId, Instant earliest) {
		Instant previous = this.digests.previousDue(List.of(subscriberId)).get(subscriberId);
		return (previous != null && previous.isAfter(earliest)) ? previous : earliest;
	}

}
