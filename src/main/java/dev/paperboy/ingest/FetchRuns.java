package dev.paperboy.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.paperboy.instance.Instances;
import dev.paperboy.instance.Leases;
import dev.paperboy.papers.SaveCounts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every fetch run and its rejected records.
 */
@Repository
class FetchRuns implements Leases {

	private static final String COLUMNS = """
			id, source, trigger, target, window_from, window_to, started_at, finished_at, status, new_count,
			updated_count, unchanged_count, rejected_count, message""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Instances instances;

	FetchRuns(JdbcClient jdbc, JsonMapper json, Instances instances) {
		this.jdbc = jdbc;
		this.json = json;
		this.instances = instances;
	}

	long start(String source, Trigger trigger, @Nullable String target, @Nullable FetchWindow window) {
		return this.jdbc.sql("""
				insert into fetch_run (source, trigger, target, window_from, window_to, started_at, status, instance_id)
				values (:source, :trigger, :target, :from, :to, now(), 'RUNNING', :instance) returning id
				""")
			.param("instance", this.instances.id())
			.param("source", source)
			.param("trigger", trigger.name())
			.param("target", target)
			.param("from", (window != null) ? window.from() : null, Types.DATE)
			.param("to", (window != null) ? window.to() : null, Types.DATE)
			.query(Long.class)
			.single();
	}

	void progress(long id, SaveCounts counts, int rejected) {
		this.jdbc.sql("""
				update fetch_run set new_count = :added, updated_count = :updated, unchanged_count = :unchanged,
				    rejected_count = :rejected where id = :id
				""")
			.param("added", counts.added())
			.param("updated", counts.updated())
			.param("unchanged", counts.unchanged())
			.param("rejected", rejected)
			.param("id", id)
			.update();
	}

	void finish(long id, FetchRun.Status status, SaveCounts counts, int rejected, @Nullable String message) {
		this.jdbc.sql("""
				update fetch_run set status = :status, finished_at = now(), new_count = :added,
				    updated_count = :updated, unchanged_count = :unchanged, rejected_count = :rejected,
				    message = :message where id = :id
				""")
			.param("status", status.name())
			.param("added", counts.added())
			.param("updated", counts.updated())
			.param("unchanged", counts.unchanged())
			.param("rejected", rejected)
			.param("message", message)
			.param("id", id)
			.update();
	}

	// Batched: one statement for all rejections of a flush.
	void addRejections(long runId, List<FetchRun.Rejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into fetch_rejection (run_id, record, reason, excerpt)
				select :run, r.record, r.reason, r.excerpt
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(record text, reason text, excerpt text)
				""").param("run", runId).param("rows", this.json.writeValueAsString(rejections)).update();
	}

	Optional<FetchRun> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from fetch_run where id = :id")
			.param("id", id)
			.query(FetchRuns::run)
			.optional();
	}

	// Uses fetch_run_started_idx and fetch_run_source_idx.
	List<FetchRun> list(@Nullable String source, int limit, int offset) {
		String where = (source != null) ? " where source = :source" : "";
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("select " + COLUMNS + " from fetch_run" + where
					+ " order by started_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset);
		if (source != null) {
			statement = statement.param("source", source);
		}
		return statement.query(FetchRuns::run).list();
	}

	List<FetchRun.Rejection> rejections(long runId, int limit) {
		return this.jdbc.sql("""
				select record, reason, excerpt from fetch_rejection where run_id = :run order by id limit :limit
				""")
			.param("run", runId)
			.param("limit", limit)
			.query((rs, n) -> new FetchRun.Rejection(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	boolean hasSucceeded(String source) {
		return this.jdbc.sql("select exists (select 1 from fetch_run where source = :source and status = 'SUCCEEDED')")
			.param("source", source)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks runs left RUNNING by a process that died as failed.
	 * @param startedBefore runs started before this are given up
	 * @return how many were marked
	 */
	int abandon(Instant startedBefore) {
		return this.jdbc.sql("""
				update fetch_run set status = 'FAILED', finished_at = now(),
				    message = 'abandoned: the process running it stopped before it finished'
				where status = 'RUNNING' and started_at < :before
				""").param("before", Timestamp.from(startedBefore)).update();
	}

	/**
	 * Ends the runs of instances that stopped: they will never finish. What they saved
	 * stays; a new run completes the rest.
	 */
	@Override
	public int release(Collection<UUID> instances) {
		// fetch_run_running_idx
		return this.jdbc.sql("""
				update fetch_run set status = 'FAILED', finished_at = now(),
				    message = 'the instance running it stopped before it finished'
				where status = 'RUNNING' and instance_id = any(cast(:instances as uuid[]))
				""").param("instances", instances.stream().map(UUID::toString).toArray(String[]::new)).update();
	}

	private static FetchRun run(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new FetchRun(rs.getLong("id"), rs.getString("source"), Trigger.valueOf(rs.getString("trigger")),
				rs.getString("target"), rs.getObject("window_from", LocalDate.class),
				rs.getObject("window_to", LocalDate.class), rs.getTimestamp("started_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, FetchRun.Status.valueOf(rs.getString("status")),
				rs.getInt("new_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"),
				rs.getInt("rejected_count"), rs.getString("message"));
	}

}
