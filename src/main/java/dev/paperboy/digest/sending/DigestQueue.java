package dev.paperboy.digest.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.delivery.MailQueue;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.digest.DigestStatus;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.render.DigestRenderer;
import dev.paperboy.papers.Paper;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The digest outbox as delivery's workers send it: claims and outcomes go to the
 * {@code digest} rows as they are, and each digest is rendered from its
 * {@code digest_paper} rows when it is sent, its batch's subscribers and papers looked up
 * once for the batch.
 */
@Component
class DigestQueue implements MailQueue {

	private final SendingDigests digests;

	private final DigestRenderer renderer;

	private final SubscriptionService subscriptions;

	DigestQueue(SendingDigests digests, DigestRenderer renderer, SubscriptionService subscriptions) {
		this.digests = digests;
		this.renderer = renderer;
		this.subscriptions = subscriptions;
	}

	@Override
	public String name() {
		return "digests";
	}

	@Override
	public Claim claim(int limit, Duration lease) {
		return this.digests.claim(limit, lease);
	}

	@Override
	public Claim claimExpired(int limit, Duration lease) {
		return this.digests.claimExpired(limit, lease);
	}

	@Override
	public List<Queued> load(List<Long> ids) {
		List<Outgoing> outgoing = this.digests.outgoing(ids);
		Map<Long, Subscriber> subscribers = new HashMap<>();
		for (Subscriber subscriber : this.subscriptions.find(outgoing.stream().map(Outgoing::subscriberId).toList())) {
			subscribers.put(subscriber.id(), subscriber);
		}
		Map<Long, Paper> papers = this.renderer.papers(outgoing.stream()
			.flatMap((digest) -> digest.papers().stream())
			.map(Composed.Pick::paperId)
			.distinct()
			.toList());
		List<Queued> queued = new ArrayList<>(outgoing.size());
		for (Outgoing digest : outgoing) {
			queued.add(new Queued(digest, subscribers.get(digest.subscriberId()), papers));
		}
		return queued;
	}

	@Override
	public void sent(long id, Instant lease) {
		this.digests.sent(id, lease);
	}

	@Override
	public void retry(long id, Instant lease, Instant at, String error) {
		this.digests.retry(id, lease, at, error);
	}

	@Override
	public void end(long id, Instant lease, Ending ending, @Nullable String error) {
		this.digests.end(id, lease, switch (ending) {
			case SKIPPED -> DigestStatus.SKIPPED;
			case SUPPRESSED -> DigestStatus.SUPPRESSED;
			case FAILED -> DigestStatus.FAILED;
		}, error);
	}

	@Override
	public void release(Collection<Long> ids, Instant lease, Instant at) {
		this.digests.release(ids, lease, at);
	}

	/** A claimed digest, with what its rendering reads. */
	final class Queued implements MailQueue.Message {

		private final Outgoing digest;

		private final @Nullable Subscriber subscriber;

		private final Map<Long, Paper> papers;

		Queued(Outgoing digest, @Nullable Subscriber subscriber, Map<Long, Paper> papers) {
			this.digest = digest;
			this.subscriber = subscriber;
			this.papers = papers;
		}

		@Override
		public long id() {
			return this.digest.id();
		}

		@Override
		public int attempts() {
			return this.digest.attempts();
		}

		@Override
		public @Nullable String skip() {
			if (this.subscriber == null || this.subscriber.status() != Subscriber.Status.ACTIVE) {
				return "the subscriber is no longer active";
			}
			// the renderer left out the papers an operator hid since the digest was
			// composed
			return this.digest.papers().stream().noneMatch((pick) -> this.papers.containsKey(pick.paperId()))
					? "nothing left to send: its papers were hidden" : null;
		}

		@Override
		public String recipient() {
			return (this.subscriber != null) ? this.subscriber.email() : "";
		}

		@Override
		public OutgoingMail render() {
			Subscriber subscriber = this.subscriber;
			if (subscriber == null) {
				throw new IllegalStateException("the subscriber is gone");
			}
			return DigestQueue.this.renderer.mail(this.digest.id(),
					DigestQueue.this.renderer.view(this.digest.id(), subscriber,
							this.digest.date(subscriber.profile().timeZone()), this.digest.trending(),
							this.digest.papers(), this.papers));
		}

	}

}
