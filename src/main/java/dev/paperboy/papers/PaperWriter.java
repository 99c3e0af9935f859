package dev.paperboy.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes batches of records with one statement per batch, merging what each source knows
 * into the paper it describes. Safe to run concurrently: the unique key and
 * {@code ON CONFLICT} make two writers of the same paper meet on one row.
 */
@Component
class PaperWriter {

	// Two index lookups (the unique index on arxiv_id, paper_title_hash_idx); written as
	// one query with OR, PostgreSQL scans the whole table.
	private static final String KNOWN_SQL = """
			select p.key, p.arxiv_id, p.title_hash
			from jsonb_array_elements_text(cast(:ids as jsonb)) as i(id) join paper p on p.arxiv_id = i.id
			union
			select p.key, p.arxiv_id, p.title_hash
			from jsonb_array_elements_text(cast(:hashes as jsonb)) as h(hash) join paper p on p.title_hash = h.hash
			""";

	// How a record (new) merges into the row it belongs to (old), column by column.
	private static final Map<String, String> MERGE = merge();

	// Rows the merge would not change are filtered out first (they cost no lock and no
	// tsvector), so a re-fetch of the same batch writes nothing and counts unchanged. In
	// ON CONFLICT the merge reads the locked current row, so two writers of one paper
	// never lose what the other wrote.
	private static final String UPSERT_SQL = """
			with incoming as (
			    select * from jsonb_to_recordset(cast(:batch as jsonb)) as r(
			        key text, arxiv_id text, title_hash text, title text, abstract text, authors text[],
			        categories text[], arxiv_url text, pdf_url text, hf_url text, code_url text, project_url text,
			        published_on date, featured_on date, upvotes integer, comments integer, keywords text[],
			        summary text, sources text[])
			), changed as (
			    select i.* from incoming i left join paper e on e.key = i.key
			    where e.key is null or (%4$s) is distinct from (%5$s)
			), written as (
			    insert into paper as p (key, %1$s)
			    select c.key, %2$s from changed c order by c.key
			    on conflict (key) do update set %3$s, updated_at = now()
			    where (%6$s) is distinct from (%7$s)
			    returning (p.xmax = 0) as added
			)
			select count(*) filter (where added) as added, count(*) filter (where not added) as updated from written
			""".formatted(String.join(", ", MERGE.keySet()), columns("c"),
			MERGE.entrySet()
				.stream()
				.map((e) -> e.getKey() + " = " + merged(e.getValue(), "excluded", "p"))
				.collect(Collectors.joining(", ")),
			columns("e"), merges("i", "e"), columns("p"), merges("excluded", "p"));

	// One reading per paper per day; the last reading of the day wins.
	private static final String POPULARITY_SQL = """
			insert into paper_popularity as h (paper_id, day, upvotes, comments)
			select p.id, (now() at time zone 'UTC')::date, i.upvotes, i.comments
			from jsonb_to_recordset(cast(:batch as jsonb)) as i(key text, upvotes integer, comments integer)
			join paper p on p.key = i.key
			order by p.id
			on conflict (paper_id, day) do update set upvotes = excluded.upvotes, comments = excluded.comments
			where (h.upvotes, h.comments) is distinct from (excluded.upvotes, excluded.comments)
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PaperWriter(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	SaveCounts write(List<PaperRecord> records) {
		if (records.isEmpty()) {
			return SaveCounts.NONE;
		}
		List<String> hashes = records.stream().map((record) -> PaperKeys.titleHash(record.title())).toList();
		List<PaperKeyResolver.Keyed> keyed = new PaperKeyResolver(known(records, hashes)).resolve(records, hashes);
		String batch = this.json.writeValueAsString(keyed.stream().map(PaperWriter::row).toList());
		SaveCounts counts = this.jdbc.sql(UPSERT_SQL)
			.param("batch", batch)
			.query((rs, n) -> new SaveCounts(rs.getInt("added"), rs.getInt("updated"), 0))
			.single();
		List<Reading> readings = keyed.stream()
			.filter((paper) -> paper.record().upvotes() != null)
			.map((paper) -> new Reading(paper.key(), paper.record().upvotes(), paper.record().comments()))
			.toList();
		if (!readings.isEmpty()) {
			this.jdbc.sql(POPULARITY_SQL).param("batch", this.json.writeValueAsString(readings)).update();
		}
		return new SaveCounts(counts.added(), counts.updated(), records.size() - counts.added() - counts.updated());
	}

	private List<PaperKeyResolver.Known> known(List<PaperRecord> records, List<String> hashes) {
		List<String> ids = new ArrayList<>();
		for (PaperRecord record : records) {
			if (record.arxivId() != null) {
				ids.add(record.arxivId());
			}
		}
		return this.jdbc.sql(KNOWN_SQL)
			.param("ids", this.json.writeValueAsString(ids))
			.param("hashes", this.json.writeValueAsString(hashes))
			.query((rs, n) -> new PaperKeyResolver.Known(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	// {new}.column is what the record says, {old}.column what the row holds.
	private static Map<String, String> merge() {
		Map<String, String> merge = new LinkedHashMap<>();
		merge.put("arxiv_id", "coalesce({new}.arxiv_id, {old}.arxiv_id)");
		merge.put("title_hash", "{new}.title_hash");
		merge.put("title", "{new}.title");
		merge.put("abstract", "{new}.abstract");
		for (String list : List.of("authors", "categories", "keywords")) {
			merge.put(list,
					"case when cardinality({new}.%1$s) > 0 then {new}.%1$s else {old}.%1$s end".formatted(list));
		}
		for (String column : List.of("arxiv_url", "pdf_url", "hf_url", "code_url", "project_url", "published_on",
				"upvotes", "comments", "summary")) {
			merge.put(column, "coalesce({new}.%1$s, {old}.%1$s)".formatted(column));
		}
		merge.put("featured_on", "least({new}.featured_on, {old}.featured_on)");
		merge.put("sources", "array(select distinct s from unnest({old}.sources || {new}.sources) s order by s)");
		return merge;
	}

	private static String merged(String expression, String newAlias, String oldAlias) {
		return expression.replace("{new}", newAlias).replace("{old}", oldAlias);
	}

	private static String merges(String newAlias, String oldAlias) {
		return MERGE.values()
			.stream()
			.map((expression) -> merged(expression, newAlias, oldAlias))
			.collect(Collectors.joining(", "));
	}

	private static String columns(String alias) {
		return MERGE.keySet().stream().map((column) -> alias + "." + column).collect(Collectors.joining(", "));
	}

	// One popularity reading to write; the public Popularity is a reading as stored, with
	// its day.
	private record Reading(String key, int upvotes, @Nullable Integer comments) {
	}

	private static Map<String, Object> row(PaperKeyResolver.Keyed keyed) {
		PaperRecord record = keyed.record();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("key", keyed.key());
		row.put("arxiv_id", record.arxivId());
		row.put("title_hash", keyed.titleHash());
		row.put("title", record.title());
		row.put("abstract", record.abstractText());
		row.put("authors", record.authors());
		row.put("categories", record.categories());
		row.put("arxiv_url", record.links().arxiv());
		row.put("pdf_url", record.links().pdf());
		row.put("hf_url", record.links().huggingFace());
		row.put("code_url", record.links().code());
		row.put("project_url", record.links().project());
		row.put("published_on", (record.publishedOn() != null) ? record.publishedOn().toString() : null);
		row.put("featured_on", (record.featuredOn() != null) ? record.featuredOn().toString() : null);
		row.put("upvotes", record.upvotes());
		row.put("comments", record.comments());
		row.put("keywords", record.keywords());
		row.put("summary", record.summary());
		row.put("sources", List.of(record.source()));
		return row;
	}

}
