package dev.paperboy.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.paperboy.subscription.DigestPreview.Preview;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;

/**
 * The preference centre's previews, by subscriber: a preview is ranked again only when
 * what it was ranked from changed (the profile, the liked papers, the feedback, the last
 * digest) or it is older than the time to live (new papers came in). Bounded: the least
 * recently used go first.
 */
class PreviewCache {

	private final MatchingProperties.PreviewCache properties;

	private final Clock clock;

	private final Map<Long, Kept> entries;

	PreviewCache(MatchingProperties.PreviewCache properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.entries = new LinkedHashMap<Long, Kept>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
				return size() > properties.maxEntries();
			}

		};
	}

	/**
	 * @param subscriberId the subscriber
	 * @param basis what the preview is ranked from
	 * @param rank ranks it, when no preview of that basis is kept
	 * @return the preview
	 */
	Preview get(long subscriberId, Basis basis, Supplier<Preview> rank) {
		Instant now = this.clock.instant();
		Kept kept = kept(subscriberId);
		if (kept != null && kept.basis().equals(basis) && now.isBefore(kept.rankedAt().plus(this.properties.ttl()))) {
			return kept.preview();
		}
		// Two looks at once may both rank: rare, and cheaper than holding a lock over a
		// ranking.
		Preview preview = rank.get();
		synchronized (this.entries) {
			this.entries.put(subscriberId, new Kept(basis, preview, now));
		}
		return preview;
	}

	private @Nullable Kept kept(long subscriberId) {
		synchronized (this.entries) {
			return this.entries.get(subscriberId);
		}
	}

	/**
	 * What a preview is ranked from, besides the papers.
	 *
	 * @param profile the profile
	 * @param liked the papers they like
	 * @param feedback their "more like this" and "less like this"
	 * @param lastDigest when their previous digest went out (the epoch if never)
	 */
	record Basis(Profile profile, List<String> liked, List<Feedback> feedback, Instant lastDigest) {
	}

	private record Kept(Basis basis, Preview preview, Instant rankedAt) {
	}

}
