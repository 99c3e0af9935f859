package dev.paperboy.admin.subscribers;

import java.util.List;
import java.util.Optional;

import dev.paperboy.digest.DigestRecord;
import dev.paperboy.digest.DigestService;
import dev.paperboy.subscription.Consent;
import dev.paperboy.subscription.Feedback;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.stereotype.Component;

/**
 * Gathers what the console shows of one subscriber from subscription and digest, through
 * their public services, for the page and the admin API alike.
 */
@Component
class SubscriberDetails {

	static final int DIGESTS_PER_PAGE = 10;

	private final SubscriptionService subscriptions;

	private final DigestService digests;

	SubscriberDetails(SubscriptionService subscriptions, DigestService digests) {
		this.subscriptions = subscriptions;
		this.digests = digests;
	}

	Optional<Detail> find(long id, int digestPage) {
		return this.subscriptions.find(id)
			.map((subscriber) -> new Detail(subscriber, this.subscriptions.consents(id),
					this.subscriptions.feedback(id), this.subscriptions.likedPapers(id),
					this.digests.history(id, digestPage, DIGESTS_PER_PAGE)));
	}

	/**
	 * One subscriber as the console shows them.
	 *
	 * @param subscriber who, with their profile
	 * @param consents what they agreed to, oldest first
	 * @param feedback their "more / less like this", newest first
	 * @param likedPapers papers they said they like
	 * @param digests a page of their digests, newest first
	 */
	record Detail(Subscriber subscriber, List<Consent> consents, List<Feedback> feedback, List<String> likedPapers,
			DigestRecord.Page digests) {

	}

}
