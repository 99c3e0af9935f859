package dev.paperboy.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

	// Uses the unique indexes on paper.arxiv_id and paper_title_hash_idx.
	private static final String KNOWN_SQL = """
			select key, arxiv_id, title_hash from paper
			where arxiv_id in (select jsonb_array_elements_text(cast(:ids as jsonb)))
			   or title_hash in (select jsonb_array_elements_text(cast(:hashes as jsonb)))
			""";

	// How a record merges into the row it belongs to. The merge reads the locked current
	// row
	// (p), so two writers of one paper never lose what the other wrote.
	private static final Map<String, String> MERGE = merge();

	// The WHERE leaves rows the merge would not change untouched, so a re-fetch of the
	// same
	// batch writes nothing and counts unchanged.
	private static final String UPSERT_SQL = """
			with incoming as (
			    select * from jsonb_to_recordset(cast(:batch as jsonb)) as r(
			        key text, arxiv_id text, title_hash text, title text, abstract text, authors text[],
			        categories text[], arxiv_url text, pdf_url text, hf_url text, code_url text, project_url text,
			        published_on date, featured_on date, upvotes integer, comments integer, keywords text[],
			        summary text, source text)
			), written as (
			    insert into paper as p (key, %1$s)
			    select i.key, %2$s from incoming i order by i.key
			    on conflict (key) do update set %3$s, updated_at = now()
			    where (%4$s) is distinct from (%5$s)
			    returning (p.xmax = 0) as added
			)
			select count(*) filter (where added) as added, count(*) filter (where not added) as updated from written
			""".formatted(String.join(", ", MERGE.keySet()),
			MERGE.keySet()
				.stream()
				.map((column) -> column.equals("sources") ? "array[i.source]" : "i." + column)
				.collect(Collectors.joining(", ")),
			MERGE.entrySet().stream().map((e) -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")),
			MERGE.keySet().stream().map((column) -> "p." + column).collect(Collectors.joining(", ")),
			String.join(", ", MERGE.values()));

	// One reading per paper per day; the last reading of the day wins.
	private static final String POPULARITY_SQL = """
			insert into paper_popularity as h (paper_id, day, upvotes, comments)
			select p.id, (now() at time zone 'UTC')::date, i.upvotes, i.comments
			from jsonb_to_recordset(cast(:batch as jsonb)) as i(key text, upvotes integer, comments integer)
			join paper p on p.key = i.key
			where i.upvotes is not null
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
		List<PaperKeyResolver.Keyed> keyed = new PaperKeyResolver(known(records)).resolve(records);
		String batch = this.json.writeValueAsString(keyed.stream().map(PaperWriter::row).toList());
		SaveCounts counts = this.jdbc.sql(UPSERT_SQL)
			.param("batch", batch)
			.query((rs, n) -> new SaveCounts(rs.getInt("added"), rs.getInt("updated"), 0))
			.single();
		this.jdbc.sql(POPULARITY_SQL).param("batch", batch).update();
		return new SaveCounts(counts.added(), counts.updated(), records.size() - counts.added() - counts.updated());
	}

	private List<PaperKeyResolver.Known> known(List<PaperRecord> records) {
		List<String> ids = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (PaperRecord record : records) {
			if (record.arxivId() != null) {
				ids.add(record.arxivId());
			}
			hashes.add(PaperKeys.titleHash(record.title()));
		}
		return this.jdbc.sql(KNOWN_SQL)
			.param("ids", this.json.writeValueAsString(ids))
			.param("hashes", this.json.writeValueAsString(hashes))
			.query((rs, n) -> new PaperKeyResolver.Known(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Map<String, String> merge() {
		Map<String, String> merge = new LinkedHashMap<>();
		merge.put("arxiv_id", "coalesce(excluded.arxiv_id, p.arxiv_id)");
		merge.put("title_hash", "excluded.title_hash");
		merge.put("title", "excluded.title");
		merge.put("abstract", "excluded.abstract");
		for (String list : List.of("authors", "categories", "keywords")) {
			merge.put(list,
					"case when cardinality(excluded.%1$s) > 0 then excluded.%1$s else p.%1$s end".formatted(list));
		}
		for (String column : List.of("arxiv_url", "pdf_url", "hf_url", "code_url", "project_url", "published_on",
				"upvotes", "comments", "summary")) {
			merge.put(column, "coalesce(excluded.%1$s, p.%1$s)".formatted(column));
		}
		merge.put("featured_on", "least(excluded.featured_on, p.featured_on)");
		merge.put("sources", "array(select distinct s from unnest(p.sources || excluded.sources) s order by s)");
		return merge;
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
		row.put("source", record.source());
		return row;
	}

}
