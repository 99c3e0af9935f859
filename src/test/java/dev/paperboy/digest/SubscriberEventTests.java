package dev.paperboy.digest;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.digest.schedule.DigestCalendar;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.ConfirmationTokens;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each of subscription's events does in digest (the schedule, the digests) and in
 * matching (the interest vector), handled by their listeners after the change commits.
 */
@PaperboyTest
class SubscriberEventTests {

	static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	DigestScheduler scheduler;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean(@Autowired PaperCatalog catalog, @Autowired PaperEmbedder embedder) {
		DatabaseCleaner.clean(this.jdbc);
		DueDigests.papers(catalog, embedder);
	}

	@Test
	void pausingRemovesTheScheduleAndResumingRestoresIt() {
		Profile profile = profile("Spiking neural networks", 7);
		long id = importActive("pause@example.org", profile);
		handled();
		Map<String, Object> scheduled = schedule(id).orElseThrow();
		assertThat(scheduled.get("schedule")).isEqualTo(DigestCalendar.fingerprint(profile.delivery()));

		this.subscriptions.pause(id);
		handled();
		assertThat(schedule(id)).isEmpty();

		this.subscriptions.resume(id);
		handled();
		assertThat(schedule(id)).contains(scheduled);
	}

	@Test
	void unsubscribingRemovesTheScheduleAndResubscribingRestoresIt() {
		long id = importActive("leave@example.org", profile("Spiking neural networks", 7));
		handled();
		Map<String, Object> scheduled = schedule(id).orElseThrow();

		this.subscriptions.unsubscribe(id);
		handled();
		assertThat(schedule(id)).isEmpty();

		this.subscriptions.resubscribe(id, CLIENT);
		handled();
		assertThat(schedule(id)).contains(scheduled);
	}

	@Test
	void aProfileChangeMovesTheScheduleAndEmbedsTheNewInterests() {
		long id = importActive("change@example.org", profile("Spiking neural networks", 7));
		handled();
		assertThat(vectorHash(id)).contains(sha256("Spiking neural networks"));

		Profile changed = profile("Scaling laws for language models", 19);
		this.subscriptions.updateProfile(id, changed);
		handled();

		Map<String, Object> moved = schedule(id).orElseThrow();
		assertThat(moved.get("schedule")).isEqualTo(DigestCalendar.fingerprint(changed.delivery()));
		assertThat(((Timestamp) moved.get("next_due_at")).toInstant())
			.isEqualTo(DigestCalendar.next(changed.delivery(), Instant.now()).dueAt());
		assertThat(vectorHash(id)).contains(sha256("Scaling laws for language models"));
	}

	@Test
	void confirmingSchedulesTheNextDigestAndComposesNothingBeforeIt() {
		long id = confirmedSignUp(this.subscriptions, this.tokens, this.jdbc, "confirm@example.org");
		handled();

		Instant due = ((Timestamp) schedule(id).orElseThrow().get("next_due_at")).toInstant();
		assertThat(due).isAfter(Instant.now());
		assertThat(this.scheduler.run().queued()).isZero();
		assertThat(vectorHash(id)).contains(sha256("Spiking neural networks"));
	}

	@Test
	void erasureDeletesTheDigestsTheScheduleAndTheVector() {
		long id = importActive("erase@example.org", profile("Spiking neural networks", 7));
		long kept = importActive("keep@example.org", profile("Spiking neural networks", 7));
		handled();
		digest(this.jdbc, id);
		digest(this.jdbc, kept);

		this.subscriptions.erase(id);
		handled();

		assertThat(rows(this.jdbc, id)).containsOnly(0L);
		assertThat(rows(this.jdbc, kept)).containsOnly(1L);
		assertThat(this.jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%Erased' and completion_date is not null
				""").query(Long.class).single()).as("digest's and matching's handling of the erasure").isEqualTo(2);
	}

	@Test
	void theComposerDropsTheScheduleOfASubscriberErasedMeanwhile() {
		long id = importActive("late@example.org", profile("Spiking neural networks", 7));
		handled();
		this.subscriptions.erase(id);
		handled();
		// A schedule written by an event handled after the erasure's
		this.jdbc.sql("insert into digest_schedule (subscriber_id, schedule, next_due_at) values (?, 'x', ?)")
			.params(id, Timestamp.from(Instant.now().minusSeconds(60)))
			.update();

		assertThat(this.scheduler.run().queued()).isZero();
		assertThat(schedule(id)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from digest").query(Long.class).single()).isZero();
	}

	/** Signs up through the form's path and confirms with the emailed link's token. */
	static long confirmedSignUp(SubscriptionService subscriptions, Tokens tokens, JdbcClient jdbc, String address) {
		subscriptions.subscribe(EmailAddress.parse(address).orElseThrow(), profile("Spiking neural networks", 7),
				CLIENT);
		Map<String, Object> pending = jdbc
			.sql("select id, confirmation_issued_at from subscriber where email = ? and status = 'PENDING'")
			.param(address)
			.query()
			.singleRow();
		long id = ((Number) pending.get("id")).longValue();
		Instant issuedAt = ((Timestamp) pending.get("confirmation_issued_at")).toInstant();
		assertThat(subscriptions.confirm(ConfirmationTokens.of(tokens, id, issuedAt), CLIENT)).isPresent();
		return id;
	}

	/** A sent digest with one paper. */
	static void digest(JdbcClient jdbc, long subscriberId) {
		long digest = jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status) values (?, '2026-11-20', now(), 'SENT')
				returning id""").param(subscriberId).query(Long.class).single();
		jdbc.sql("""
				insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
				select ?, ?, min(id), 1, 0.5, '{}' from paper""").param(digest).param(subscriberId).update();
	}

	/**
	 * The subscriber's rows in digest, digest_paper, digest_schedule, profile_embedding.
	 */
	static List<Long> rows(JdbcClient jdbc, long subscriberId) {
		return jdbc.sql("""
				select (select count(*) from digest where subscriber_id = :id)
				union all select (select count(*) from digest_paper where subscriber_id = :id)
				union all select (select count(*) from digest_schedule where subscriber_id = :id)
				union all select (select count(*) from profile_embedding where subscriber_id = :id)
				""").param("id", subscriberId).query(Long.class).list();
	}

	static Profile profile(String interests, int hour) {
		return new Profile(interests, "", List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, hour,
				ZoneId.of("Europe/Berlin"), 5);
	}

	private long importActive(String address, Profile profile) {
		return this.subscriptions.importActive(EmailAddress.parse(address).orElseThrow(), profile, List.of(), CLIENT);
	}

	private void handled() {
		SubscriberEvents.awaitHandled(this.jdbc);
	}

	private Optional<Map<String, Object>> schedule(long id) {
		return this.jdbc.sql("select schedule, next_due_at from digest_schedule where subscriber_id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	private Optional<String> vectorHash(long id) {
		return this.jdbc.sql("select text_hash from profile_embedding where subscriber_id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	private String sha256(String text) {
		return this.jdbc.sql("select encode(sha256(convert_to(?, 'UTF8')), 'hex')")
			.param(text)
			.query(String.class)
			.single();
	}

}
