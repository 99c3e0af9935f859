package dev.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paperboy.delivery.Mailer;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.digest.composition.Composed;
import dev.paperboy.digest.composition.DigestComposer;
import dev.paperboy.digest.render.DigestRenderer;
import dev.paperboy.digest.render.DigestView;
import dev.paperboy.digest.sending.Deliveries;
import dev.paperboy.digest.sending.Outgoing;
import dev.paperboy.papers.Paper;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What operators and pages do with digests: run the scheduler, send or preview one
 * subscriber's digest, send a test, list and retry deliveries, and read a sent digest
 * again (in the browser or the subscriber's feed).
 */
@Service
public class DigestService {

	private final DigestScheduler scheduler;

	private final DigestComposer composer;

	private final Deliveries digests;

	private final DigestRenderer renderer;

	private final SubscriptionService subscriptions;

	private final Mailer mailer;

	DigestService(DigestScheduler scheduler, DigestComposer composer, Deliveries digests, DigestRenderer renderer,
			SubscriptionService subscriptions, Mailer mailer) {
		this.scheduler = scheduler;
		this.composer = composer;
		this.digests = digests;
		this.renderer = renderer;
		this.subscriptions = subscriptions;
		this.mailer = mailer;
	}

	/**
	 * Runs the scheduler now.
	 * @return what it did
	 */
	public DigestScheduler.Run runScheduler() {
		return this.scheduler.run();
	}

	/**
	 * Queues a subscriber's digest now, as a period of its own.
	 * @param subscriberId the subscriber
	 * @return the digest's id; empty when the subscriber is unknown or not active, or
	 * nothing qualified
	 */
	public Optional<Long> sendNow(long subscriberId) {
		return this.subscriptions.find(subscriberId)
			.filter((subscriber) -> subscriber.status() == Subscriber.Status.ACTIVE)
			.map(this.composer::composeNow)
			.filter((id) -> id > 0);
	}

	/**
	 * A subscriber's next digest as it would go out now, nothing stored or sent.
	 * @param subscriberId the subscriber
	 * @return the message, or empty when the subscriber is unknown
	 */
	public Optional<OutgoingMail> preview(long subscriberId) {
		return this.subscriptions.find(subscriberId).map((subscriber) -> {
			Composed composed = this.composer.preview(subscriber);
			return render(subscriber, composed, subscriber.email());
		});
	}

	/**
	 * Sends a subscriber's next digest (or, with no subscriber, the day's trending
	 * papers) to any address, marked as a test; nothing is recorded as sent.
	 * @param to the address
	 * @param subscriberId whose digest, or null
	 * @return whether it was handed to the SMTP server (false when the address is
	 * suppressed)
	 */
	public boolean sendTest(EmailAddress to, @Nullable Long subscriberId) {
		Subscriber subscriber = (subscriberId != null) ? this.subscriptions.find(subscriberId).orElse(null) : null;
		if (subscriber == null) {
			subscriber = new Subscriber(0, to.value(), Subscriber.Status.ACTIVE, Profile.DEFAULT, Instant.now(),
					Instant.now(), null);
		}
		OutgoingMail mail = render(subscriber, this.composer.preview(subscriber), to.value());
		return this.mailer.send(new OutgoingMail(to.value(), "[Test] " + mail.subject(), mail.text(), mail.html(),
				mail.headers(), null));
	}

	/**
	 * @param status only digests in this status, or null
	 * @param subscriberId only this subscriber's, or null
	 * @param limit at most this many, newest first
	 * @return the deliveries
	 */
	public List<Map<String, Object>> deliveries(@Nullable DigestStatus status, @Nullable Long subscriberId, int limit) {
		return this.digests.list(status, subscriberId, limit);
	}

	/**
	 * @return how many digests are in each status
	 */
	public Map<String, Long> counts() {
		return this.digests.counts();
	}

	/**
	 * Sends failed deliveries again.
	 * @param digestId one digest, or null for every failed one
	 * @return how many were queued again
	 */
	public int retryFailed(@Nullable Long digestId) {
		return this.digests.retryFailed(digestId);
	}

	/**
	 * A sent digest as a web page's view.
	 * @param subscriberId whose
	 * @param digestId which
	 * @return the view, when the digest is theirs and was sent
	 */
	public Optional<DigestView> view(long subscriberId, long digestId) {
		return this.subscriptions.find(subscriberId)
			.flatMap((subscriber) -> this.digests.outgoing(List.of(digestId))
				.stream()
				.filter((digest) -> digest.subscriberId() == subscriberId)
				.findFirst()
				.map((digest) -> view(subscriber, digest)));
	}

	/**
	 * @param subscriberId whose
	 * @param limit at most this many, newest first
	 * @return the subscriber's sent digests with their ids and send times
	 */
	public List<Sent> sent(long subscriberId, int limit) {
		Optional<Subscriber> subscriber = this.subscriptions.find(subscriberId);
		if (subscriber.isEmpty()) {
			return List.of();
		}
		return this.digests.sentTo(subscriberId, limit)
			.stream()
			.map((digest) -> new Sent(digest.id(), digest.createdAt(), view(subscriber.get(), digest)))
			.toList();
	}

	/**
	 * A subscriber's digests, whatever became of them, with their papers: for operators.
	 * @param subscriberId whose
	 * @param page from 0, newest first
	 * @param size digests per page (1 to 100)
	 * @return the page
	 */
	public DigestRecord.Page history(long subscriberId, int page, int size) {
		List<Deliveries.Entry> entries = this.digests.history(subscriberId, page * size, size + 1);
		List<Deliveries.Entry> shown = entries.subList(0, Math.min(size, entries.size()));
		Map<Long, Paper> papers = this.renderer
			.papers(shown.stream().flatMap((entry) -> entry.papers().stream()).map(Composed.Pick::paperId).toList());
		List<DigestRecord> records = shown.stream()
			.map((entry) -> new DigestRecord(entry.id(), entry.period(), entry.status(), entry.trending(),
					entry.attempts(), entry.createdAt(), entry.sentAt(), entry.lastError(),
					entry.papers().stream().map((pick) -> line(pick, papers.get(pick.paperId()))).toList()))
			.toList();
		return new DigestRecord.Page(records, page, entries.size() > size);
	}

	private static DigestRecord.PaperLine line(Composed.Pick pick, @Nullable Paper paper) {
		if (paper == null) {
			return new DigestRecord.PaperLine("#" + pick.paperId(), "(paper " + pick.paperId() + " is gone)", null,
					pick.reasons());
		}
		String url = (paper.links().arxiv() != null) ? paper.links().arxiv() : paper.links().huggingFace();
		return new DigestRecord.PaperLine(paper.key(), paper.title(), url, pick.reasons());
	}

	private DigestView view(Subscriber subscriber, Outgoing digest) {
		return this.renderer.view(digest.id(), subscriber, digest.date(subscriber.profile().timeZone()),
				digest.trending(), digest.papers(),
				this.renderer.papers(digest.papers().stream().map(Composed.Pick::paperId).toList()));
	}

	private OutgoingMail render(Subscriber subscriber, Composed composed, String to) {
		DigestView view = this.renderer.view(0, subscriber,
				LocalDate.ofInstant(composed.dueAt(), subscriber.profile().timeZone()), composed.trending(),
				composed.papers(),
				this.renderer.papers(composed.papers().stream().map(Composed.Pick::paperId).toList()));
		DigestView addressed = new DigestView(to, view.date(), view.cadence(), view.trending(), view.papers(),
				view.links(), view.sender());
		return this.renderer.mail(0, addressed);
	}

	/**
	 * A sent digest.
	 *
	 * @param id the digest
	 * @param sentAt when it was composed
	 * @param view what it showed
	 */
	public record Sent(long id, Instant sentAt, DigestView view) {

	}

}
