package dev.paperboy.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paperboy.delivery.MailOutbox;
import dev.paperboy.delivery.Suppressions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriber's life: sign-up, confirmation, profile changes, pause, unsubscribe,
 * resubscribe, export and erasure.
 *
 * <p>
 * A sign-up answers the same way whatever the address's state (new, pending, active,
 * unsubscribed, suppressed) and only queues its email, in its transaction, for delivery's
 * outbox to send (and retry), so neither the answer nor its timing tells anything about
 * the address. At most one email per address goes out per {@code confirmation-interval}.
 *
 * <p>
 * Every change other modules keep something derived from publishes a
 * {@link SubscriberEvent} in the change's transaction.
 */
@Service
public class SubscriptionService {

	static final String AGREED_SIGN_UP = "receive personalized research paper digests by email at the chosen cadence; "
			+ "unsubscribe at any time through the link in every email";

	private final Subscribers subscribers;

	private final Tokens tokens;

	private final MailOutbox outbox;

	private final Suppressions suppressions;

	private final SubscriptionProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	SubscriptionService(Subscribers subscribers, Tokens tokens, MailOutbox outbox, Suppressions suppressions,
			SubscriptionProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.subscribers = subscribers;
		this.tokens = tokens;
		this.outbox = outbox;
		this.suppressions = suppressions;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Signs an address up, pending its confirmation. The caller answers the same whatever
	 * happened here.
	 * @param email the address
	 * @param profile what the subscriber asked for
	 * @param client where the request came from
	 */
	public void subscribe(EmailAddress email, Profile profile, ClientInfo client) {
		if (this.suppressions.isSuppressed(email.value())) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			Optional<Subscriber> existing = this.subscribers.lockByEmail(email);
			long id = existing.map(Subscriber::id).orElseGet(() -> this.subscribers.insertPending(email, profile));
			Subscriber.Status state = existing.map(Subscriber::status).orElse(Subscriber.Status.PENDING);
			boolean confirmed = state == Subscriber.Status.ACTIVE || state == Subscriber.Status.PAUSED;
			if (!confirmed) {
				// Unconfirmed, so nobody loses anything: the latest sign-up's profile
				// counts.
				this.subscribers.updateProfile(id, profile);
				this.subscribers.recordConsent(id, "SIGN_UP", client, this.properties.formVersion(), AGREED_SIGN_UP);
			}
			Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			Instant sentBefore = Instant.now().minus(this.properties.confirmationInterval());
			if (!this.subscribers.claimConfirmation(id, issuedAt, sentBefore)) {
				return;
			}
			// An active subscriber who signs up again gets a link to their preferences,
			// not a second subscription; a stranger typing their address changes nothing.
			if (confirmed) {
				sendAlreadySubscribed(id, email);
			}
			else {
				sendConfirmation(id, email, issuedAt);
			}
		});
	}

	/**
	 * Confirms a sign-up with its single-use, expiring link.
	 * @param token the link's token
	 * @param client where the request came from
	 * @return the subscriber, now active, or empty for any link that does not work
	 */
	public Optional<Subscriber> confirm(String token, ClientInfo client) {
		return this.tokens.verify(token, TokenPurpose.CONFIRM)
			.flatMap((verified) -> this.transactions.execute((status) -> {
				if (!this.subscribers.useConfirmation(verified.subscriberId(), verified.issuedAt())) {
					return Optional.<Subscriber>empty();
				}
				this.subscribers.setStatus(verified.subscriberId(), Subscriber.Status.ACTIVE);
				this.subscribers.recordConsent(verified.subscriberId(), "CONFIRM", client,
						this.properties.formVersion(), AGREED_SIGN_UP);
				this.events.publishEvent(new SubscriberEvent.Confirmed(verified.subscriberId()));
				return this.subscribers.find(verified.subscriberId());
			}));
	}

	/**
	 * Whether a confirmation link would confirm: signed, unexpired, and neither used nor
	 * replaced by a newer one. Changes nothing.
	 * @param token the link's token
	 * @return whether a POST of it confirms
	 */
	public boolean canConfirm(String token) {
		return this.tokens.verify(token, TokenPurpose.CONFIRM)
			.map((verified) -> this.subscribers.isConfirmationOpen(verified.subscriberId(), verified.issuedAt()))
			.orElse(false);
	}

	/**
	 * @param token a signed link's token
	 * @param purpose what the link is for
	 * @return the subscriber it belongs to, or empty for a link that does not work or a
	 * subscriber who was erased
	 */
	public Optional<Subscriber> subscriberFor(String token, TokenPurpose purpose) {
		return this.tokens.verify(token, purpose).flatMap((verified) -> this.subscribers.find(verified.subscriberId()));
	}

	/**
	 * Adds a subscriber an operator imports from a list that already consented: active at
	 * once, no confirmation email, the import recorded as their consent.
	 * @param email the address
	 * @param profile what they want
	 * @param likedPapers arXiv ids, keys or exact titles of papers they like
	 * @param client who imported them
	 * @return the new subscriber's id
	 * @throws InvalidInputException when the address is suppressed or already subscribed
	 */
	public long importActive(EmailAddress email, Profile profile, List<String> likedPapers, ClientInfo client) {
		if (this.suppressions.isSuppressed(email.value())) {
			throw new InvalidInputException("email", "is on the suppression list");
		}
		return this.transactions.execute((status) -> {
			long id = this.subscribers.insertActive(email, profile)
				.orElseThrow(() -> new InvalidInputException("email", "is already subscribed"));
			this.subscribers.replaceLikedPapers(id, likedPapers);
			this.subscribers.recordConsent(id, "OPERATOR_IMPORT", client, this.properties.formVersion(),
					"consent given to the operator before the import");
			this.events.publishEvent(new SubscriberEvent.Imported(id));
			return id;
		});
	}

	/**
	 * @param subscriberId the subscriber
	 * @return arXiv ids, keys or exact titles of the papers they like
	 */
	public List<String> likedPapers(long subscriberId) {
		return this.subscribers.likedPapers(subscriberId);
	}

	/**
	 * Records "more like this" or "less like this" on a paper; the next digest reflects
	 * it.
	 * @param subscriberId the subscriber
	 * @param paperKey the paper
	 * @param more true for more like this
	 */
	public void giveFeedback(long subscriberId, String paperKey, boolean more) {
		if (paperKey.isBlank() || paperKey.length() > 200 || paperKey.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("paper", "is not a paper key");
		}
		this.subscribers.vote(subscriberId, paperKey, more);
	}

	public void undoFeedback(long subscriberId, String paperKey) {
		this.subscribers.unvote(subscriberId, paperKey);
	}

	/**
	 * @param subscriberId the subscriber
	 * @return their feedback, newest first
	 */
	public List<Feedback> feedback(long subscriberId) {
		return this.subscribers.feedback(subscriberId);
	}

	/**
	 * @param subscriberIds subscribers
	 * @return the papers each likes (arXiv ids, keys or exact titles), for those who like
	 * any
	 */
	public Map<Long, List<String>> likedPapers(Collection<Long> subscriberIds) {
		return this.subscribers.likedPapers(subscriberIds);
	}

	/**
	 * @param subscriberIds subscribers
	 * @return the feedback of each, newest first, for those who gave any
	 */
	public Map<Long, List<Feedback>> feedback(Collection<Long> subscriberIds) {
		return this.subscribers.feedback(subscriberIds);
	}

	/**
	 * @param subscriberIds subscribers
	 * @return those that exist, by id
	 */
	public List<Subscriber> find(Collection<Long> subscriberIds) {
		return this.subscribers.find(subscriberIds);
	}

	public Optional<Subscriber> find(long subscriberId) {
		return this.subscribers.find(subscriberId);
	}

	public void updateProfile(long subscriberId, Profile profile) {
		this.transactions.executeWithoutResult((status) -> {
			this.subscribers.updateProfile(subscriberId, profile);
			this.events.publishEvent(new SubscriberEvent.ProfileChanged(subscriberId));
		});
	}

	/**
	 * @param subscriberId the subscriber
	 * @return whether they were active and are paused now
	 */
	public boolean pause(long subscriberId) {
		return changeStatus(subscriberId, Subscriber.Status.ACTIVE, Subscriber.Status.PAUSED,
				new SubscriberEvent.Paused(subscriberId));
	}

	/**
	 * @param subscriberId the subscriber
	 * @return whether they were paused and are active now
	 */
	public boolean resume(long subscriberId) {
		return changeStatus(subscriberId, Subscriber.Status.PAUSED, Subscriber.Status.ACTIVE,
				new SubscriberEvent.Resumed(subscriberId));
	}

	/**
	 * Unsubscribes; doing it again changes nothing.
	 * @param subscriberId the subscriber
	 * @return whether they were subscribed and are unsubscribed now
	 */
	public boolean unsubscribe(long subscriberId) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.subscribers.find(subscriberId)
			.filter((subscriber) -> subscriber.status() != Subscriber.Status.UNSUBSCRIBED)
			.map((subscriber) -> {
				this.subscribers.setStatus(subscriberId, Subscriber.Status.UNSUBSCRIBED);
				this.events.publishEvent(new SubscriberEvent.Unsubscribed(subscriberId));
				return true;
			})
			.orElse(false)));
	}

	/**
	 * Subscribes again from the unsubscribe page: the signed link proves the address.
	 * @param subscriberId the subscriber
	 * @param client where the request came from
	 */
	public void resubscribe(long subscriberId, ClientInfo client) {
		this.transactions.executeWithoutResult((status) -> this.subscribers.find(subscriberId)
			.filter((subscriber) -> subscriber.status() == Subscriber.Status.UNSUBSCRIBED)
			.ifPresent((subscriber) -> {
				this.subscribers.setStatus(subscriberId, Subscriber.Status.ACTIVE);
				this.subscribers.recordConsent(subscriberId, "RESUBSCRIBE", client, this.properties.formVersion(),
						AGREED_SIGN_UP);
				this.events.publishEvent(new SubscriberEvent.Resubscribed(subscriberId));
			}));
	}

	/**
	 * Everything Paperboy keeps about a subscriber.
	 * @param subscriberId the subscriber
	 * @return profile and consent records, ready for JSON
	 */
	public Map<String, Object> export(long subscriberId) {
		Subscriber subscriber = this.subscribers.find(subscriberId).orElseThrow();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("email", subscriber.email());
		data.put("status", subscriber.status());
		data.put("createdAt", subscriber.createdAt());
		data.put("confirmedAt", subscriber.confirmedAt());
		data.put("unsubscribedAt", subscriber.unsubscribedAt());
		data.put("profile", subscriber.profile());
		data.put("consents", this.subscribers.consents(subscriberId));
		data.put("likedPapers", this.subscribers.likedPapers(subscriberId));
		data.put("digestsReceived", List.of());
		data.put("feedback", this.subscribers.feedback(subscriberId));
		return data;
	}

	/**
	 * Erases a subscriber: their data is deleted, every link of theirs stops working, and
	 * only a salted hash of the address stays, on the suppression list, so no import
	 * mails it again. Other modules delete what they keep when the
	 * {@link SubscriberEvent.Erased} event reaches them (durably: after a crash, at the
	 * next start).
	 * @param subscriberId the subscriber
	 * @return whether there was such a subscriber
	 */
	public boolean erase(long subscriberId) {
		return Boolean.TRUE
			.equals(this.transactions.execute((status) -> this.subscribers.find(subscriberId).map((subscriber) -> {
				this.suppressions.suppress(subscriber.email(), "erased at the subscriber's request");
				this.subscribers.delete(subscriberId);
				this.events.publishEvent(new SubscriberEvent.Erased(subscriberId));
				return true;
			}).orElse(false)));
	}

	/**
	 * @param subscriberId the subscriber
	 * @return what they agreed to, oldest first
	 */
	public List<Consent> consents(long subscriberId) {
		return this.subscribers.consentRecords(subscriberId);
	}

	/**
	 * Sends a pending subscriber a fresh confirmation link (the old one stops working),
	 * at most once per {@code confirmation-interval}, as for sign-ups.
	 * @param subscriberId the subscriber
	 * @return what happened
	 */
	public Resend resendConfirmation(long subscriberId) {
		Optional<Subscriber> found = this.subscribers.find(subscriberId);
		if (found.isEmpty() || found.get().status() != Subscriber.Status.PENDING) {
			return Resend.NOT_PENDING;
		}
		Optional<EmailAddress> email = EmailAddress.parse(found.get().email());
		if (email.isEmpty() || this.suppressions.isSuppressed(email.get().value())) {
			return Resend.SUPPRESSED;
		}
		Resend result = this.transactions.execute((status) -> {
			Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			Instant sentBefore = Instant.now().minus(this.properties.confirmationInterval());
			if (!this.subscribers.claimConfirmation(subscriberId, issuedAt, sentBefore)) {
				return Resend.TOO_SOON;
			}
			sendConfirmation(subscriberId, email.get(), issuedAt);
			return Resend.SENT;
		});
		return (result != null) ? result : Resend.NOT_PENDING;
	}

	/**
	 * @param olderThan how old a sign-up must be
	 * @return how many sign-ups were never confirmed and are older than that (with no
	 * confirmation email sent since)
	 */
	public long countUnconfirmed(Duration olderThan) {
		return this.subscribers.countUnconfirmed(Instant.now().minus(olderThan));
	}

	/**
	 * Deletes the sign-ups that were never confirmed and are older than that (with no
	 * confirmation email sent since), a thousand per transaction. Each publishes
	 * {@link SubscriberEvent.Erased}, so other modules drop what they keep of it. The
	 * addresses are not suppressed: they may sign up again.
	 * @param olderThan how old a sign-up must be
	 * @return how many were deleted
	 */
	public long purgeUnconfirmed(Duration olderThan) {
		Instant cutoff = Instant.now().minus(olderThan);
		long purged = 0;
		while (true) {
			List<Long> ids = this.transactions.execute((status) -> {
				List<Long> deleted = this.subscribers.deleteUnconfirmed(cutoff, 1000);
				deleted.forEach((id) -> this.events.publishEvent(new SubscriberEvent.Erased(id)));
				return deleted;
			});
			if (ids == null || ids.isEmpty()) {
				return purged;
			}
			purged += ids.size();
		}
	}

	public String link(long subscriberId, TokenPurpose purpose, String path) {
		return this.properties.link(path + this.tokens.issue(subscriberId, purpose));
	}

	private boolean changeStatus(long subscriberId, Subscriber.Status from, Subscriber.Status to,
			SubscriberEvent event) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.subscribers.find(subscriberId)
			.filter((subscriber) -> subscriber.status() == from)
			.map((subscriber) -> {
				this.subscribers.setStatus(subscriberId, to);
				this.events.publishEvent(event);
				return true;
			})
			.orElse(false)));
	}

	/** What became of a request to resend a confirmation. */
	public enum Resend {

		/** A new link went out. */
		SENT,

		/** The subscriber is unknown or not pending. */
		NOT_PENDING,

		/** The address is suppressed. */
		SUPPRESSED,

		/** The last confirmation went out too recently. */
		TOO_SOON

	}

	private void sendConfirmation(long id, EmailAddress email, Instant issuedAt) {
		String confirm = this.properties.link("/confirm/" + this.tokens.issue(id, TokenPurpose.CONFIRM, 0, issuedAt));
		send(id, email, "Confirm your subscription to Paperboy", "confirmation",
				Map.of("confirmUrl", confirm, "validHours", this.properties.confirmationValidity().toHours()));
	}

	private void sendAlreadySubscribed(long id, EmailAddress email) {
		send(id, email, "You are already subscribed to Paperboy", "already-subscribed",
				Map.of("manageUrl", link(id, TokenPurpose.MANAGE, "/manage/")));
	}

	// The messages echo nothing the submitter typed: a stranger cannot use them to mail
	// text of their own to someone else. Queued in the sign-up's transaction: delivery's
	// outbox sends it once that commits, and retries it.
	private void send(long id, EmailAddress email, String subject, String template, Map<String, Object> variables) {
		String unsubscribe = link(id, TokenPurpose.UNSUBSCRIBE, "/unsubscribe/");
		Map<String, Object> model = new LinkedHashMap<>(variables);
		model.put("siteUrl", this.properties.link("/"));
		model.put("unsubscribeUrl", unsubscribe);
		this.outbox.enqueue(new MailOutbox.TemplatedMail(email.value(), subject, template, model,
				Map.of("Auto-Submitted", "auto-generated", "List-Unsubscribe", "<" + unsubscribe + ">",
						"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
	}

}
