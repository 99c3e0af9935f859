package dev.paperboy.papers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog of papers: what other modules use to add and read papers.
 */
@Service
public class PaperCatalog {

	private final PaperWriter writer;

	private final PaperReader reader;

	private final CandidateQueries candidates;

	private final TransactionTemplate transactions;

	private final PaperEntries entries;

	PaperCatalog(PaperWriter writer, PaperReader reader, CandidateQueries candidates, TransactionTemplate transactions,
			PaperEntries entries) {
		this.entries = entries;
		this.writer = writer;
		this.reader = reader;
		this.candidates = candidates;
		this.transactions = transactions;
	}

	/**
	 * Saves a batch of records in one transaction. Saving the same batch again changes
	 * nothing and counts every record as unchanged.
	 * @param records validated records, typically a few hundred
	 * @return what changed
	 */
	public SaveCounts save(List<PaperRecord> records) {
		try {
			return this.transactions.execute((status) -> this.writer.write(records));
		}
		catch (DuplicateKeyException ex) {
			// Another writer attached the same arXiv id to a paper between our read and
			// our write; reading again resolves the record to that paper.
			return this.transactions.execute((status) -> this.writer.write(records));
		}
	}

	/**
	 * Finds a paper by its key or by its arXiv id.
	 * @param keyOrArxivId a paper key or an arXiv id without version
	 * @return the paper
	 */
	public Optional<Paper> find(String keyOrArxivId) {
		return this.reader.find(keyOrArxivId);
	}

	/**
	 * Papers by row id, as matches and digests refer to them, in one statement.
	 * @param ids paper row ids
	 * @return the papers found, by id (without vectors)
	 */
	public Map<Long, Paper> byIds(Collection<Long> ids) {
		return this.candidates.byIds(ids);
	}

	/**
	 * @param keys paper keys
	 * @return the title of each paper found, by key
	 */
	public Map<String, String> titles(Collection<String> keys) {
		return this.reader.titles(keys);
	}

	/**
	 * A paper's daily popularity readings, oldest first.
	 * @param key the paper key
	 * @return the readings
	 */
	public List<Popularity> popularity(String key) {
		return this.reader.popularity(key);
	}

	/**
	 * Searches the catalog.
	 * @param query what to look for
	 * @return one page of results
	 */
	public PaperPage search(PaperQuery query) {
		return this.reader.search(query);
	}

	/**
	 * Papers by row id as digests show them: without the papers an operator hid.
	 * @param ids paper row ids
	 * @return the papers found and not hidden, by id (without vectors)
	 */
	public Map<Long, Paper> shownByIds(Collection<Long> ids) {
		return this.candidates.byIds(ids, true);
	}

	/**
	 * Searches the catalog for the console, hidden papers included.
	 * @param query what to look for, with the source and upvotes filters
	 * @return one page, with whether another follows
	 */
	public EntryPage entries(PaperQuery query) {
		return this.entries.search(query);
	}

	/**
	 * @param id a paper's row id
	 * @return the paper with its id and hidden flag
	 */
	public Optional<PaperEntry> entry(long id) {
		return this.entries.find(id);
	}

	/**
	 * Hides a paper from every digest, or shows it again: the matcher leaves a hidden
	 * paper out of its candidates, and a digest composed before renders without it.
	 * @param id the paper's row id
	 * @param hidden whether to hide it
	 * @return whether there is such a paper
	 */
	public boolean hide(long id, boolean hidden) {
		return this.entries.hide(id, hidden);
	}

}
