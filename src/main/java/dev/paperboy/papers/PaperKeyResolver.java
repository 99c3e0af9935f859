package dev.paperboy.papers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which catalog key each record of a batch belongs to, so that a paper seen by
 * title only and the same paper seen with its arXiv id end up as one paper.
 */
final class PaperKeyResolver {

	/** A paper already in the catalog that a record may belong to. */
	record Known(String key, String arxivId, String titleHash) {
	}

	/** A record with the key it belongs to and its title hash. */
	record Keyed(String key, String titleHash, PaperRecord record) {
	}

	private final Map<String, Known> byArxivId = new HashMap<>();

	private final Map<String, List<Known>> byTitleHash = new HashMap<>();

	PaperKeyResolver(Collection<Known> known) {
		for (Known paper : known) {
			if (paper.arxivId() != null) {
				this.byArxivId.put(paper.arxivId(), paper);
			}
			this.byTitleHash.computeIfAbsent(paper.titleHash(), (hash) -> new ArrayList<>()).add(paper);
		}
	}

	List<Keyed> resolve(List<PaperRecord> records) {
		return resolve(records, records.stream().map((record) -> PaperKeys.titleHash(record.title())).toList());
	}

	/**
	 * Keys every record, merging records of one batch that turn out to be the same paper.
	 * @param records a batch from one source
	 * @param titleHashes the title hash of each record
	 * @return one keyed record per paper, in key order (so concurrent writers lock rows
	 * in the same order)
	 */
	List<Keyed> resolve(List<PaperRecord> records, List<String> titleHashes) {
		int size = records.size();
		String[] keys = new String[size];
		String[] hashes = titleHashes.toArray(String[]::new);
		Map<String, String> batchKeyByTitle = new HashMap<>();
		Map<String, String> claimedBy = new HashMap<>();
		// Records with an arXiv id first, so title-only records of the batch can join
		// them.
		for (int i = 0; i < size; i++) {
			PaperRecord record = records.get(i);
			if (record.arxivId() != null) {
				keys[i] = keyWithArxivId(record.arxivId(), hashes[i], claimedBy);
				batchKeyByTitle.putIfAbsent(hashes[i], keys[i]);
			}
		}
		for (int i = 0; i < size; i++) {
			if (keys[i] == null) {
				keys[i] = keyByTitle(hashes[i], batchKeyByTitle);
			}
		}
		// Merged in batch order, so the later record wins wherever it says something.
		Map<String, Keyed> byKey = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			byKey.merge(keys[i], new Keyed(keys[i], hashes[i], records.get(i)), PaperKeyResolver::merge);
		}
		return byKey.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
	}

	// A title-only paper in the catalog takes the arXiv id of the first record with its
	// title; another paper with the same title and another id stays a paper of its own.
	private String keyWithArxivId(String arxivId, String titleHash, Map<String, String> claimedBy) {
		Known known = this.byArxivId.get(arxivId);
		if (known != null) {
			return known.key();
		}
		for (Known candidate : this.byTitleHash.getOrDefault(titleHash, List.of())) {
			if (candidate.arxivId() == null
					&& arxivId.equals(claimedBy.computeIfAbsent(candidate.key(), (key) -> arxivId))) {
				return candidate.key();
			}
		}
		return arxivId;
	}

	private String keyByTitle(String titleHash, Map<String, String> batchKeyByTitle) {
		List<Known> candidates = this.byTitleHash.getOrDefault(titleHash, List.of());
		for (Known candidate : candidates) {
			if (candidate.arxivId() != null) {
				return candidate.key();
			}
		}
		if (!candidates.isEmpty()) {
			return candidates.get(0).key();
		}
		String inBatch = batchKeyByTitle.get(titleHash);
		return (inBatch != null) ? inBatch : "h-" + titleHash;
	}

	// Two records of one batch for the same paper: the later one wins where it says
	// something.
	private static Keyed merge(Keyed earlier, Keyed later) {
		PaperRecord a = earlier.record();
		PaperRecord b = later.record();
		PaperLinks la = a.links();
		PaperLinks lb = b.links();
		PaperLinks links = new PaperLinks(or(lb.arxiv(), la.arxiv()), or(lb.pdf(), la.pdf()),
				or(lb.huggingFace(), la.huggingFace()), or(lb.code(), la.code()), or(lb.project(), la.project()));
		PaperRecord merged = new PaperRecord(b.source(), or(b.arxivId(), a.arxivId()), b.title(), b.abstractText(),
				b.authors().isEmpty() ? a.authors() : b.authors(),
				b.categories().isEmpty() ? a.categories() : b.categories(), links, or(b.publishedOn(), a.publishedOn()),
				or(b.featuredOn(), a.featuredOn()), or(b.upvotes(), a.upvotes()), or(b.comments(), a.comments()),
				b.keywords().isEmpty() ? a.keywords() : b.keywords(), or(b.summary(), a.summary()));
		return new Keyed(earlier.key(), later.titleHash(), merged);
	}

	private static <T> T or(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
