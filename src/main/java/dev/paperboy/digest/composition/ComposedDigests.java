package dev.paperboy.digest.composition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.digest.DigestStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.paperboy.SqlArrays.bigints;
import static dev.paperboy.SqlArrays.texts;

/**
 * The digests composition writes ({@code digest}, {@code digest_paper}) and the "never
 * twice" record it reads back: which papers each subscriber already received.
 */
@Repository
class ComposedDigests {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ComposedDigests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean hasDigest(long subscriberId) {
		return this.jdbc.sql("select exists (select 1 from digest where subscriber_id = :id)")
			.param("id", subscriberId)
			.query(Boolean.class)
			.single();
	}

	/** Deletes an erased subscriber's digests, their papers with them. */
	void erase(long subscriberId) {
		// digest's unique (subscriber_id, period); digest_paper_pkey for the cascade
		this.jdbc.sql("delete from digest where subscriber_id = :id").param("id", subscriberId).update();
	}

	// The two look-ups of composition below, and the outbox's look-up of a batch's
	// papers (SendingDigests.outgoing), name their ids in the statement rather than as
	// parameters, so that PostgreSQL plans each with the tables as they are. The same
	// statement run over and over gets a generic plan: made while digest_paper was empty
	// (a fresh installation, a first run) it stayed a sequential scan while page after
	// page of digests filled the table, 0.8 s a page at 10,000 subscribers. The ids are
	// numbers this class formats.

	/** The due time of each subscriber's latest digest. */
	Map<Long, Instant> previousDue(Collection<Long> subscriberIds) {
		Map<Long, Instant> previous = new HashMap<>();
		if (!subscriberIds.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, max(due_at) from digest where subscriber_id = any(cast('%s' as bigint[]))
					group by subscriber_id
					""".formatted(bigints(subscriberIds))).query((rs) -> {
				previous.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
			});
		}
		return previous;
	}

	/** The papers among the given ones each subscriber already received. */
	Map<Long, Set<Long>> sent(Collection<Long> subscriberIds, Collection<Long> paperIds) {
		Map<Long, Set<Long>> sent = new HashMap<>();
		if (!subscriberIds.isEmpty() && !paperIds.isEmpty()) {
			this.jdbc.sql("""
					select subscriber_id, paper_id from digest_paper
					where subscriber_id = any(cast('%s' as bigint[])) and paper_id = any(cast('%s' as bigint[]))
					""".formatted(bigints(subscriberIds), bigints(paperIds))).query((rs) -> {
				sent.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>()).add(rs.getLong(2));
			});
		}
		return sent;
	}

	/**
	 * Writes a page of composed digests (skipped ones too) and their papers, two
	 * statements whatever the page's size. A digest whose (subscriber, period) exists
	 * already is left alone, and so are its papers. A paper some other composition sent
	 * the subscriber meanwhile is left out of the new digest ("never twice"), and a
	 * digest left with none is skipped.
	 * @return the new digests' ids by subscriber
	 */
	Map<Long, Long> insert(List<Composed> digests) {
		Map<Long, Long> ids = new HashMap<>();
		if (digests.isEmpty()) {
			return ids;
		}
		insertDigests(digests, ids);
		PaperRows rows = PaperRows.of(digests, ids);
		if (!rows.isEmpty()) {
			skipEmptied(digests, ids, insertPapers(rows));
		}
		return ids;
	}

	// The digests' rows, the new ones' ids into ids by subscriber
	private void insertDigests(List<Composed> digests, Map<Long, Long> ids) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Composed digest : digests) {
			rows.add(Map.of("subscriber_id", digest.subscriberId(), "period", digest.period(), "due_at",
					digest.dueAt().toString(), "status",
					(digest.papers().isEmpty() ? DigestStatus.SKIPPED : DigestStatus.QUEUED).name(), "trending",
					digest.trending()));
		}
		this.jdbc.sql("""
				insert into digest (subscriber_id, period, due_at, status, trending)
				select r.subscriber_id, r.period, r.due_at, r.status, r.trending
				from jsonb_to_recordset(cast(:rows as jsonb))
				    as r(subscriber_id bigint, period text, due_at timestamptz, status text, trending boolean)
				on conflict (subscriber_id, period) do nothing
				returning id, subscriber_id
				""").param("rows", this.json.writeValueAsString(rows)).query((rs) -> {
			ids.put(rs.getLong(2), rs.getLong(1));
		});
	}

	// The new digests' papers; returns the digests that got at least one
	private Set<Long> insertPapers(PaperRows rows) {
		Set<Long> withPapers = new HashSet<>();
		this.jdbc.sql("""
				insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons)
				select d, s, p, position, score, cast(r as text[])
				from unnest(cast(:digests as bigint[]), cast(:subscribers as bigint[]), cast(:papers as bigint[]),
				            cast(:positions as smallint[]), cast(:scores as real[]), cast(:reasons as text[]))
				    as t(d, s, p, position, score, r)
				on conflict do nothing
				returning digest_id
				""")
			.param("digests", bigints(rows.digestIds))
			.param("subscribers", bigints(rows.subscriberIds))
			.param("papers", bigints(rows.paperIds))
			.param("positions", rows.positions.append('}').toString())
			.param("scores", rows.scores.append('}').toString())
			.param("reasons", rows.reasons.toArray(String[]::new))
			.query((rs) -> {
				withPapers.add(rs.getLong(1));
			});
		return withPapers;
	}

	// A digest whose every paper some other composition sent the subscriber meanwhile
	// (the "never twice" key refused them all) has nothing to send
	private void skipEmptied(List<Composed> digests, Map<Long, Long> ids, Set<Long> withPapers) {
		List<Long> emptied = new ArrayList<>();
		for (Composed digest : digests) {
			Long id = ids.get(digest.subscriberId());
			if (id != null && !digest.papers().isEmpty() && !withPapers.contains(id)) {
				emptied.add(id);
			}
		}
		if (!emptied.isEmpty()) {
			this.jdbc.sql("update digest set status = :status where id = any(cast(:ids as bigint[]))")
				.param("status", DigestStatus.SKIPPED.name())
				.param("ids", bigints(emptied))
				.update();
		}
	}

	/**
	 * The papers of the new digests, one array per column, unnested side by side: no JSON
	 * to build and parse for the ten or so rows of each digest. Each row's reasons go as
	 * an array literal.
	 */
	private static final class PaperRows {

		final List<Long> digestIds = new ArrayList<>();

		final List<Long> subscriberIds = new ArrayList<>();

		final List<Long> paperIds = new ArrayList<>();

		final StringBuilder positions = new StringBuilder("{");

		final StringBuilder scores = new StringBuilder("{");

		final List<String> reasons = new ArrayList<>();

		// the papers of the digests that were new (those with an id)
		static PaperRows of(List<Composed> digests, Map<Long, Long> ids) {
			PaperRows rows = new PaperRows();
			for (Composed digest : digests) {
				Long id = ids.get(digest.subscriberId());
				if (id == null) {
					continue;
				}
				int position = 1;
				for (Composed.Pick pick : digest.papers()) {
					String comma = rows.digestIds.isEmpty() ? "" : ",";
					rows.digestIds.add(id);
					rows.subscriberIds.add(digest.subscriberId());
					rows.paperIds.add(pick.paperId());
					rows.positions.append(comma).append(position++);
					rows.scores.append(comma).append((float) pick.score());
					rows.reasons.add(texts(pick.reasons()));
				}
			}
			return rows;
		}

		boolean isEmpty() {
			return this.digestIds.isEmpty();
		}

	}

}
