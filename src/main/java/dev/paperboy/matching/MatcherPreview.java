package dev.paperboy.matching;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.subscription.DigestPreview;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.stereotype.Component;

/**
 * A subscriber's next digest from the matcher, with everything the subscriber told us:
 * the profile, the papers they like, and their feedback ("more like this" counts as
 * liked, "less like this" pushes similar papers down). Also the preference centre's
 * preview.
 */
@Component
public class MatcherPreview implements DigestPreview {

	private final Matcher matcher;

	private final SubscriptionService subscriptions;

	MatcherPreview(Matcher matcher, SubscriptionService subscriptions) {
		this.matcher = matcher;
		this.subscriptions = subscriptions;
	}

	/**
	 * @param subscriber the subscriber
	 * @param now the time of the digest
	 * @return the papers of their next digest
	 */
	public Selection select(Subscriber subscriber, Instant now) {
		Set<String> liked = new HashSet<>(this.subscriptions.likedPapers(subscriber.id()));
		Set<String> disliked = new HashSet<>();
		for (Feedback feedback : this.subscriptions.feedback(subscriber.id())) {
			(feedback.more() ? liked : disliked).add(feedback.paperKey());
		}
		return this.matcher.select(subscriber.profile(), liked, disliked, Set.of(), now);
	}

	@Override
	public Preview preview(Subscriber subscriber) {
		Selection selection = select(subscriber, Instant.now());
		return new Preview(selection.papers().stream().map((match) -> {
			PaperLinks links = match.paper().links();
			String url = (links.huggingFace() != null) ? links.huggingFace() : links.arxiv();
			return new Item(match.key(), match.title(), url, match.reasons());
		}).toList(), selection.trending());
	}

}
