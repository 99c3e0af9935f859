package dev.paperboy.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	// Merges each record into the row it belongs to; the WHERE leaves rows that would not
	// change untouched, so a re-fetch of the same batch writes nothing and counts
	// unchanged.
	private static final String UPSERT_SQL = """
			with incoming as (
			    select * from jsonb_to_recordset(cast(:batch as jsonb)) as r(
			        key text, arxiv_id text, title_hash text, title text, abstract text, authors text[],
			        categories text[], arxiv_url text, pdf_url text, hf_url text, code_url text, project_url text,
			        published_on date, featured_on date, upvotes integer, comments integer, keywords text[],
			        summary text, source text)
			), written as (
			    insert into paper as p (key, arxiv_id, title_hash, title, abstract, authors, categories, arxiv_url,
			        pdf_url, hf_url, code_url, project_url, published_on, featured_on, upvotes, comments, keywords,
			        summary, sources)
			    select i.key, coalesce(i.arxiv_id, e.arxiv_id), i.title_hash, i.title, i.abstract,
			        case when cardinality(i.authors) > 0 then i.authors else coalesce(e.authors, '{}') end,
			        case when cardinality(i.categories) > 0 then i.categories else coalesce(e.categories, '{}') end,
			        coalesce(i.arxiv_url, e.arxiv_url), coalesce(i.pdf_url, e.pdf_url), coalesce(i.hf_url, e.hf_url),
			        coalesce(i.code_url, e.code_url), coalesce(i.project_url, e.project_url),
			        coalesce(i.published_on, e.published_on), least(i.featured_on, e.featured_on),
			        coalesce(i.upvotes, e.upvotes), coalesce(i.comments, e.comments),
			        case when cardinality(i.keywords) > 0 then i.keywords else coalesce(e.keywords, '{}') end,
			        coalesce(i.summary, e.summary),
			        array(select distinct s from unnest(coalesce(e.sources, '{}') || i.source) s order by s)
			    from incoming i left join paper e on e.key = i.key
			    order by i.key
			    on conflict (key) do update set arxiv_id = excluded.arxiv_id, title_hash = excluded.title_hash,
			        title = excluded.title, abstract = excluded.abstract, authors = excluded.authors,
			        categories = excluded.categories, arxiv_url = excluded.arxiv_url, pdf_url = excluded.pdf_url,
			        hf_url = excluded.hf_url, code_url = excluded.code_url, project_url = excluded.project_url,
			        published_on = excluded.published_on, featured_on = excluded.featured_on,
			        upvotes = excluded.upvotes, comments = excluded.comments, keywords = excluded.keywords,
			        summary = excluded.summary, sources = excluded.sources, updated_at = now()
			    where (p.arxiv_id, p.title_hash, p.title, p.abstract, p.authors, p.categories, p.arxiv_url,
			            p.pdf_url, p.hf_url, p.code_url, p.project_url, p.published_on, p.featured_on, p.upvotes,
			            p.comments, p.keywords, p.summary, p.sources)
			        is distinct from (excluded.arxiv_id, excluded.title_hash, excluded.title, excluded.abstract,
			            excluded.authors, excluded.categories, excluded.arxiv_url, excluded.pdf_url, excluded.hf_url,
			            excluded.code_url, excluded.project_url, excluded.published_on, excluded.featured_on,
			            excluded.upvotes, excluded.comments, excluded.keywords, excluded.summary, excluded.sources)
			    returning (p.xmax = 0) as added
			)
			select count(*) filter (where added) as added, count(*) filter (where not added) as updated from written
			""";

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
