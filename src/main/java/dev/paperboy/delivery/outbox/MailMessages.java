package dev.paperboy.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.MailOutbox;
import dev.paperboy.delivery.MailQueue;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.OutgoingMail;
import dev.paperboy.instance.Instances;
import dev.paperboy.instance.Leases;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_message} table: delivery's own queue of one-off emails, claimed before
 * the digests (a person is waiting for a confirmation).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailMessages implements MailQueue, Leases {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MailTemplates templates;

	private final String installation;

	private final String domain;

	private final Instances instances;

	MailMessages(JdbcClient jdbc, JsonMapper json, MailTemplates templates, DeliveryProperties properties,
			Instances instances) {
		this.jdbc = jdbc;
		this.instances = instances;
		this.json = json;
		this.templates = templates;
		this.installation = installation(properties.suppressionSalt());
		String from = properties.from();
		this.domain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	// A one-way digest of the secret: the same on every instance, and it gives the
	// secret away no more than a hash does. Message-IDs of digests sent before the outbox
	// moved to delivery were made the same way.
	static String installation(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("paperboy message ids\u0000" + secret).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String installation() {
		return this.installation;
	}

	@Override
	public String name() {
		return "emails";
	}

	/**
	 * @return the new message's id
	 */
	long insert(MailOutbox.TemplatedMail mail) {
		return this.jdbc.sql("""
				insert into mail_message (recipient, subject, template, variables, headers, status)
				values (:to, :subject, :template, cast(:variables as jsonb), cast(:headers as jsonb), 'QUEUED')
				returning id
				""")
			.param("to", mail.to())
			.param("subject", mail.subject())
			.param("template", mail.template())
			.param("variables", this.json.writeValueAsString(mail.variables()))
			.param("headers", this.json.writeValueAsString(mail.headers()))
			.query(Long.class)
			.single();
	}

	/** Claims given messages, if still queued: sent at once, before any worker polls. */
	Claim claim(Collection<Long> ids, Duration lease) {
		// the primary key
		return claimed(this.jdbc.sql("""
				update mail_message set status = 'SENDING', lease_until = now() + cast(:lease as interval),
				    attempts = attempts + 1, leased_by = :instance
				where id = any(cast(:ids as bigint[])) and status = 'QUEUED'
				returning id, lease_until
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("lease", interval(lease))
			.param("instance", this.instances.id()));
	}

	@Override
	public Claim claim(int limit, Duration lease) {
		// mail_message_ready_idx
		return claimed(this.jdbc.sql("""
				update mail_message m set status = 'SENDING', lease_until = now() + cast(:lease as interval),
				    attempts = m.attempts + 1, leased_by = :instance
				from (select id from mail_message where status in ('QUEUED', 'RETRY') and next_attempt_at <= now()
				      order by next_attempt_at, id limit :limit for update skip locked) ready
				where m.id = ready.id
				returning m.id, m.lease_until
				""").param("limit", limit).param("lease", interval(lease)).param("instance", this.instances.id()));
	}

	@Override
	public Claim claimExpired(int limit, Duration lease) {
		// mail_message_lease_idx
		return claimed(this.jdbc.sql("""
				update mail_message m set lease_until = now() + cast(:lease as interval), attempts = m.attempts + 1,
				    leased_by = :instance
				from (select id from mail_message where status = 'SENDING' and lease_until < now()
				      order by lease_until, id limit :limit for update skip locked) expired
				where m.id = expired.id
				returning m.id, m.lease_until
				""").param("limit", limit).param("lease", interval(lease)).param("instance", this.instances.id()));
	}

	private static String interval(Duration lease) {
		return lease.toMillis() + " milliseconds";
	}

	// One statement gives all its rows the same lease: now() is its transaction's start.
	private static Claim claimed(JdbcClient.StatementSpec claim) {
		List<Map.Entry<Long, Instant>> rows = claim
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		return new Claim(rows.stream().map(Map.Entry::getKey).toList(), rows.isEmpty() ? null : rows.get(0).getValue());
	}

	@Override
	public List<Queued> load(List<Long> ids) {
		// the primary key
		return this.jdbc.sql("""
				select id, attempts, recipient, subject, template, variables, headers from mail_message
				where id = any(cast(:ids as bigint[])) order by id
				""")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> new Queued(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7)))
			.list();
	}

	// Sent: nothing of it is kept (the address, the signed links).
	@Override
	public void sent(long id, Instant lease) {
		// the primary key
		this.jdbc.sql("delete from mail_message where id = :id and status = 'SENDING' and lease_until = :lease")
			.param("id", id)
			.param("lease", Timestamp.from(lease))
			.update();
	}

	@Override
	public void retry(long id, Instant lease, Instant at, String error) {
		// the primary key
		this.jdbc.sql("""
				update mail_message set status = 'RETRY', next_attempt_at = :at, lease_until = null, last_error = :error
				where id = :id and status = 'SENDING' and lease_until = :lease
				""")
			.param("id", id)
			.param("lease", Timestamp.from(lease))
			.param("at", Timestamp.from(at))
			.param("error", error)
			.update();
	}

	// Ended unsent: kept for the operator, without its links.
	@Override
	public void end(long id, Instant lease, Ending ending, @Nullable String error) {
		// the primary key
		this.jdbc.sql("""
				update mail_message set status = :status, lease_until = null, last_error = :error, variables = '{}'
				where id = :id and status = 'SENDING' and lease_until = :lease
				""")
			.param("id", id)
			.param("lease", Timestamp.from(lease))
			.param("status", ending.name())
			.param("error", error)
			.update();
	}

	@Override
	public void release(Collection<Long> ids, Instant lease, Instant at) {
		if (!ids.isEmpty()) {
			// the primary key
			this.jdbc.sql("""
					update mail_message set status = case when attempts > 1 then 'RETRY' else 'QUEUED' end,
					    attempts = greatest(attempts - 1, 0), lease_until = null, next_attempt_at = :at
					where id = any(cast(:ids as bigint[])) and status = 'SENDING' and lease_until = :lease
					""")
				.param("ids", ids.toArray(Long[]::new))
				.param("lease", Timestamp.from(lease))
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	// Stopped instances' emails go again now, the attempt counted: one may have been
	// sent and not recorded (it goes again with the same Message-ID).
	@Override
	public int release(Collection<UUID> instances) {
		// mail_message_lease_idx: only the SENDING rows
		return this.jdbc.sql("""
				update mail_message set status = 'RETRY', lease_until = null, next_attempt_at = now()
				where status = 'SENDING' and leased_by = any(cast(:instances as uuid[]))
				""").param("instances", instances.stream().map(UUID::toString).toArray(String[]::new)).update();
	}

	/** A claimed one-off email, rendered from its templates when sent. */
	final class Queued implements MailQueue.Message {

		private final long id;

		private final int attempts;

		private final String recipient;

		private final String subject;

		private final String template;

		private final String variables;

		private final String headers;

		Queued(long id, int attempts, String recipient, String subject, String template, String variables,
				String headers) {
			this.id = id;
			this.attempts = attempts;
			this.recipient = recipient;
			this.subject = subject;
			this.template = template;
			this.variables = variables;
			this.headers = headers;
		}

		@Override
		public long id() {
			return this.id;
		}

		@Override
		public int attempts() {
			return this.attempts;
		}

		@Override
		public @Nullable String skip() {
			return null;
		}

		@Override
		public String recipient() {
			return this.recipient;
		}

		// Derived from the row alone, so a message sent again (a lease ran out) keeps it.
		@Override
		public OutgoingMail render() {
			MailTemplates.Rendered body = MailMessages.this.templates.render(this.template,
					MailMessages.this.json.readValue(this.variables, VARIABLES));
			return new OutgoingMail(this.recipient, this.subject, body.text(), body.html(),
					MailMessages.this.json.readValue(this.headers, HEADERS),
					"mail-" + this.id + "." + MailMessages.this.installation + "@" + MailMessages.this.domain);
		}

	}

}
