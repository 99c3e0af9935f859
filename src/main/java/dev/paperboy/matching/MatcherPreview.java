package dev.paperboy.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.subscription.DigestPreview;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A subscriber's next digest from the matcher, with everything the subscriber told us:
 * the profile, the papers they like, their feedback and the papers they already received
 * ("more like this" counts as liked, "less like this" pushes similar papers down). Also
 * the preference centre's preview, kept in a {@link PreviewCache} so that looking again
 * costs no ranking.
 */
@Component
public class MatcherPreview implements DigestPreview {

	private final SubscriberMatching matching;

	private final ObjectProvider<DigestHistory> history;

	private final SubscriptionService subscriptions;

	private final PreviewCache previews;

	MatcherPreview(SubscriberMatching matching, ObjectProvider<DigestHistory> history,
			SubscriptionService subscriptions, MatchingProperties properties) {
		this.matching = matching;
		this.history = history;
		this.subscriptions = subscriptions;
		this.previews = new PreviewCache(properties.previewCache(), Clock.systemUTC());
	}

	/**
	 * @param subscriber the subscriber
	 * @param now the time of the digest
	 * @return the papers of their next digest
	 */
	public Selection select(Subscriber subscriber, Instant now) {
		MatchingRun run = this.matching.open(now);
		Instant since = this.matching.earliest(now);
		Set<Long> sent = Set.of();
		DigestHistory history = this.history.getIfAvailable();
		if (history != null) {
			since = history.since(subscriber.id(), since);
			sent = history.sent(subscriber.id(), run.paperIds());
		}
		return this.matching.select(run, List.of(new SubscriberMatching.Request(subscriber, since, sent)))
			.get(subscriber.id());
	}

	@Override
	public Preview preview(Subscriber subscriber) {
		DigestHistory history = this.history.getIfAvailable();
		PreviewCache.Basis basis = new PreviewCache.Basis(subscriber.profile(),
				this.subscriptions.likedPapers(subscriber.id()), this.subscriptions.feedback(subscriber.id()),
				(history != null) ? history.since(subscriber.id(), Instant.EPOCH) : Instant.EPOCH);
		return this.previews.get(subscriber.id(), basis, () -> rank(subscriber));
	}

	private Preview rank(Subscriber subscriber) {
		Selection selection = select(subscriber, Instant.now());
		return new Preview(selection.papers().stream().map((match) -> {
			PaperLinks links = match.paper().links();
			String url = (links.huggingFace() != null) ? links.huggingFace() : links.arxiv();
			return new Item(match.key(), match.title(), url, match.reasons());
		}).toList(), selection.trending());
	}

}
