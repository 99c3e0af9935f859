package dev.paperboy.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paperboy.SqlArrays;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscribers and their consent records.
 */
@Repository
class Subscribers {

	private static final String COLUMNS = """
			id, email, status, interests, keywords, authors, categories, cadence, weekday, delivery_hour, time_zone,
			papers_per_digest, min_upvotes, when_empty, created_at, confirmed_at, unsubscribed_at""";

	private final JdbcClient jdbc;

	Subscribers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Subscriber> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from subscriber where id = :id")
			.param("id", id)
			.query(Subscribers::subscriber)
			.optional();
	}

	List<Subscriber> find(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from subscriber where id = any(cast(:ids as bigint[])) order by id")
			.param("ids", SqlArrays.bigints(ids))
			.query(Subscribers::subscriber)
			.list();
	}

	Map<Long, List<String>> likedPapers(Collection<Long> ids) {
		Map<Long, List<String>> liked = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, paper from liked_paper where subscriber_id = any(cast(:ids as bigint[]))
					order by subscriber_id, added_at, paper""").param("ids", SqlArrays.bigints(ids)).query((rs) -> {
				liked.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getString(2));
			});
		}
		return liked;
	}

	Map<Long, List<Feedback>> feedback(Collection<Long> ids) {
		Map<Long, List<Feedback>> feedback = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, paper_key, vote, created_at from feedback
					where subscriber_id = any(cast(:ids as bigint[])) order by subscriber_id, created_at desc
					""").param("ids", SqlArrays.bigints(ids)).query((rs) -> {
				feedback.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Feedback(rs.getString(2), rs.getInt(3) > 0, rs.getTimestamp(4).toInstant()));
			});
		}
		return feedback;
	}

	// Locks the row: concurrent sign-ups for one address take turns.
	Optional<Subscriber> lockByEmail(EmailAddress email) {
		return this.jdbc.sql("select " + COLUMNS + " from subscriber where email_key = :key for update")
			.param("key", email.key())
			.query(Subscribers::subscriber)
			.optional();
	}

	/**
	 * Creates a pending subscriber, or finds the one another sign-up created a moment
	 * ago.
	 */
	long insertPending(EmailAddress email, Profile profile) {
		Long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status) values (:email, :key, 'PENDING')
				on conflict (email_key) do nothing returning id
				""").param("email", email.value()).param("key", email.key()).query(Long.class).optional().orElse(null);
		if (id == null) {
			return lockByEmail(email).orElseThrow().id();
		}
		updateProfile(id, profile);
		return id;
	}

	void updateProfile(long id, Profile profile) {
		this.jdbc.sql("""
				update subscriber set interests = :interests, keywords = :keywords,
				    authors = cast(:authors as text[]), categories = cast(:categories as text[]), cadence = :cadence,
				    weekday = :weekday, delivery_hour = :hour, time_zone = :zone, papers_per_digest = :papers,
				    min_upvotes = :minUpvotes, when_empty = :whenEmpty,
				    updated_at = now()
				where id = :id
				""")
			.param("interests", profile.interests())
			.param("keywords", profile.keywords())
			.param("authors", SqlArrays.texts(profile.authors()))
			.param("categories", SqlArrays.texts(profile.categories()))
			.param("cadence", profile.cadence().name())
			.param("weekday", profile.weekday().getValue())
			.param("hour", profile.deliveryHour())
			.param("zone", profile.timeZone().getId())
			.param("minUpvotes", profile.minUpvotes())
			.param("whenEmpty", (profile.whenEmpty() != null) ? profile.whenEmpty().name() : null)
			.param("papers", profile.papersPerDigest())
			.param("id", id)
			.update();
	}

	void setStatus(long id, Subscriber.Status status) {
		this.jdbc
			.sql("""
					update subscriber set status = :status, updated_at = now(),
					    confirmed_at = case when :status = 'ACTIVE' then coalesce(confirmed_at, now()) else confirmed_at end,
					    unsubscribed_at = case when :status = 'UNSUBSCRIBED' then now() else null end
					where id = :id
					""")
			.param("status", status.name())
			.param("id", id)
			.update();
	}

	/**
	 * Records that a confirmation link issued at the given time is the one that works, if
	 * the last confirmation email went out long enough ago.
	 * @return whether a confirmation may be sent now
	 */
	boolean claimConfirmation(long id, Instant issuedAt, Instant sentBefore) {
		return this.jdbc.sql("""
				update subscriber set confirmation_issued_at = :issued, confirmation_sent_at = now()
				where id = :id and (confirmation_sent_at is null or confirmation_sent_at < :before)
				""")
			.param("issued", Timestamp.from(issuedAt))
			.param("before", Timestamp.from(sentBefore))
			.param("id", id)
			.update() == 1;
	}

	void releaseConfirmation(long id) {
		this.jdbc.sql("update subscriber set confirmation_sent_at = null where id = :id").param("id", id).update();
	}

	/**
	 * Uses up the confirmation link issued at the given time.
	 * @return whether it was the live one
	 */
	// by the primary key
	boolean isConfirmationOpen(long id, Instant issuedAt) {
		return this.jdbc
			.sql("select exists (select 1 from subscriber where id = :id and confirmation_issued_at = :issued)")
			.param("issued", Timestamp.from(issuedAt))
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean useConfirmation(long id, Instant issuedAt) {
		return this.jdbc.sql("""
				update subscriber set confirmation_issued_at = null
				where id = :id and confirmation_issued_at = :issued
				""").param("issued", Timestamp.from(issuedAt)).param("id", id).update() == 1;
	}

	void recordConsent(long id, String action, ClientInfo client, String formVersion, String agreedTo) {
		this.jdbc.sql("""
				insert into consent (subscriber_id, action, ip, user_agent, form_version, agreed_to)
				values (:id, :action, :ip, :agent, :version, :agreed)
				""")
			.param("id", id)
			.param("action", action)
			.param("ip", client.ip())
			.param("agent", client.userAgent())
			.param("version", formVersion)
			.param("agreed", agreedTo)
			.update();
	}

	List<Map<String, Object>> consents(long id) {
		return this.jdbc.sql("""
				select action, given_at, ip, user_agent, form_version, agreed_to from consent
				where subscriber_id = :id order by given_at, id
				""").param("id", id).query().listOfRows();
	}

	List<Consent> consentRecords(long id) {
		// consent_subscriber_idx
		return this.jdbc.sql("""
				select action, given_at, ip, user_agent, form_version, agreed_to from consent
				where subscriber_id = :id order by given_at, id
				""")
			.param("id", id)
			.query((rs, n) -> new Consent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	List<String> likedPapers(long id) {
		return this.jdbc.sql("select paper from liked_paper where subscriber_id = :id order by added_at, paper")
			.param("id", id)
			.query(String.class)
			.list();
	}

	void replaceLikedPapers(long id, List<String> papers) {
		this.jdbc.sql("delete from liked_paper where subscriber_id = :id").param("id", id).update();
		for (String paper : papers) {
			this.jdbc.sql("insert into liked_paper (subscriber_id, paper) values (:id, :paper) on conflict do nothing")
				.param("id", id)
				.param("paper", paper)
				.update();
		}
	}

	/**
	 * Creates a subscriber who consented elsewhere, already active.
	 * @return the id, or empty when the address is taken
	 */
	Optional<Long> insertActive(EmailAddress email, Profile profile) {
		Optional<Long> id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, confirmed_at) values (:email, :key, 'ACTIVE', now())
				on conflict (email_key) do nothing returning id
				""").param("email", email.value()).param("key", email.key()).query(Long.class).optional();
		id.ifPresent((created) -> updateProfile(created, profile));
		return id;
	}

	void vote(long id, String paperKey, boolean more) {
		this.jdbc.sql("""
				insert into feedback (subscriber_id, paper_key, vote) values (:id, :paper, :vote)
				on conflict (subscriber_id, paper_key) do update set vote = excluded.vote, created_at = now()
				""").param("id", id).param("paper", paperKey).param("vote", more ? 1 : -1).update();
	}

	void unvote(long id, String paperKey) {
		this.jdbc.sql("delete from feedback where subscriber_id = :id and paper_key = :paper")
			.param("id", id)
			.param("paper", paperKey)
			.update();
	}

	List<Feedback> feedback(long id) {
		return this.jdbc.sql("""
				select paper_key, vote, created_at from feedback where subscriber_id = :id order by created_at desc
				""")
			.param("id", id)
			.query((rs, n) -> new Feedback(rs.getString(1), rs.getInt(2) > 0, rs.getTimestamp(3).toInstant()))
			.list();
	}

	void delete(long id) {
		this.jdbc.sql("delete from subscriber where id = :id").param("id", id).update();
	}

	// Unconfirmed sign-ups: pending since before the cutoff, and no confirmation email
	// since either (a sign-up again sends a new one, whose link must keep working)
	private static final String UNCONFIRMED = "status = 'PENDING' and created_at < :cutoff "
			+ "and coalesce(confirmation_sent_at, created_at) < :cutoff";

	long countUnconfirmed(Instant cutoff) {
		// subscriber_status_idx (status): pending sign-ups are few beside the confirmed
		return this.jdbc.sql("select count(*) from subscriber where " + UNCONFIRMED)
			.param("cutoff", Timestamp.from(cutoff))
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes up to {@code limit} unconfirmed sign-ups older than the cutoff.
	 * @return their ids
	 */
	List<Long> deleteUnconfirmed(Instant cutoff, int limit) {
		// subscriber_status_idx, then the primary key; skip locked: a sign-up being
		// confirmed right now is left alone
		return this.jdbc
			.sql("delete from subscriber where id in (select id from subscriber where " + UNCONFIRMED
					+ " order by id limit :limit for update skip locked) and " + UNCONFIRMED + " returning id")
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
		Profile profile = new Profile(rs.getString("interests"), rs.getString("keywords"),
				strings(rs.getArray("authors")), strings(rs.getArray("categories")),
				Profile.Cadence.valueOf(rs.getString("cadence")), DayOfWeek.of(rs.getInt("weekday")),
				rs.getInt("delivery_hour"), ZoneId.of(rs.getString("time_zone")), rs.getInt("papers_per_digest"),
				rs.getInt("min_upvotes"),
				(rs.getString("when_empty") != null) ? Profile.WhenEmpty.valueOf(rs.getString("when_empty")) : null);
		return new Subscriber(rs.getLong("id"), rs.getString("email"),
				Subscriber.Status.valueOf(rs.getString("status")), profile, rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("confirmed_at")), instant(rs.getTimestamp("unsubscribed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

}
