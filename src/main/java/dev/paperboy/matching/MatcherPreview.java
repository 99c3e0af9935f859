package dev.paperboy.matching;

import java.time.Instant;
import java.util.Set;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.subscription.DigestPreview;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.stereotype.Component;

/**
 * The preference centre's preview, from the matcher.
 */
@Component
class MatcherPreview implements DigestPreview {

	private final Matcher matcher;

	private final SubscriptionService subscriptions;

	MatcherPreview(Matcher matcher, SubscriptionService subscriptions) {
		this.matcher = matcher;
		this.subscriptions = subscriptions;
	}

	@Override
	public Preview preview(Subscriber subscriber) {
		Selection selection = this.matcher.select(subscriber.profile(),
				Set.copyOf(this.subscriptions.likedPapers(subscriber.id())), Set.of(), Instant.now());
		return new Preview(selection.papers().stream().map((match) -> {
			PaperLinks links = match.paper().links();
			String url = (links.huggingFace() != null) ? links.huggingFace() : links.arxiv();
			return new Item(match.key(), match.title(), url, match.reasons());
		}).toList(), selection.trending());
	}

}
