package dev.paperboy.papers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * What the matcher reads from the catalog: recent papers with their vectors, and
 * full-text ranks of those papers for subscribers' keywords. Each call is one statement;
 * the lists and maps come back as the queries built them.
 */
@Service
public class PaperCandidates {

	private final CandidateQueries queries;

	PaperCandidates(CandidateQueries queries) {
		this.queries = queries;
	}

	/**
	 * @param since papers first seen at or after this
	 * @param model the embedding model whose vectors to attach
	 * @param limit how many at most, newest first
	 * @return the candidates
	 */
	public List<Candidate> recent(Instant since, String model, int limit) {
		return this.queries.recent(since, model, limit);
	}

	/**
	 * @param references paper keys, arXiv ids (any form) or exact titles
	 * @param model the embedding model whose vectors to attach
	 * @return the papers found
	 */
	public List<Candidate> byReferences(Collection<String> references, String model) {
		return this.queries.byReferences(references, model);
	}

	/**
	 * Full-text ranks of many web-search style terms at once, over the same papers: one
	 * statement for a whole page of subscribers' keywords.
	 * @param ids the papers
	 * @param terms the terms or phrases
	 * @return for each term's position in {@code terms}, the rank by paper id of the
	 * papers that match it
	 */
	public Map<Integer, Map<Long, Double>> termRanks(Collection<Long> ids, List<String> terms) {
		return this.queries.termRanks(ids, terms);
	}

}
