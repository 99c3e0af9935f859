package dev.paperboy.matching;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.paperboy.papers.Candidate;
import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperKeys;
import org.jspecify.annotations.Nullable;

/**
 * The candidate papers of a run, indexed once for every subscriber ranked against them:
 * their vectors row by row, popularity, recency, authors and categories, and their
 * pairwise similarities. Read-only after construction, so any number of threads share it.
 */
final class CandidatePool {

	private static final int[] NONE = new int[0];

	private final List<Candidate> papers;

	private final int size;

	private final int dimensions;

	// Vectors row by row (size x dimensions), zero rows for papers without one.
	private final float[] matrix;

	private final boolean[] hasVector;

	private final double[] popularity;

	private final double[] recency;

	private final long[] firstSeen;

	private final Map<Long, Integer> indexById = new HashMap<>();

	private final Map<String, Integer> indexByReference = new HashMap<>();

	private final Map<String, int[]> byAuthor = new HashMap<>();

	// Authors as the paper spells them, by normalized name and index.
	private final Map<String, String> authorNames = new HashMap<>();

	private final Map<String, int[]> byCategory = new HashMap<>();

	// Lower triangle of the pool's pairwise cosine similarities, for liked papers of the
	// pool and for diversity.
	private final float[] similarities;

	CandidatePool(List<Candidate> papers, Instant now) {
		this.papers = List.copyOf(papers);
		this.size = papers.size();
		this.dimensions = papers.stream()
			.filter((paper) -> paper.vector() != null)
			.mapToInt((paper) -> paper.vector().length)
			.findFirst()
			.orElse(0);
		this.matrix = new float[this.size * this.dimensions];
		this.hasVector = new boolean[this.size];
		this.popularity = new double[this.size];
		this.recency = new double[this.size];
		this.firstSeen = new long[this.size];
		double maxUpvotes = papers.stream()
			.map((candidate) -> candidate.paper().upvotes())
			.filter(Objects::nonNull)
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		Map<String, List<Integer>> authors = new HashMap<>();
		Map<String, List<Integer>> categories = new HashMap<>();
		for (int i = 0; i < this.size; i++) {
			index(i, papers.get(i), maxUpvotes, now, authors, categories);
		}
		authors.forEach((name, indexes) -> this.byAuthor.put(name, toArray(indexes)));
		categories.forEach((name, indexes) -> this.byCategory.put(name, toArray(indexes)));
		this.similarities = new float[this.size * (this.size + 1) / 2];
		for (int i = 0; i < this.size; i++) {
			for (int j = 0; j <= i; j++) {
				this.similarities[i * (i + 1) / 2 + j] = (this.hasVector[i] && this.hasVector[j])
						? dot(this.matrix, i * this.dimensions, this.matrix, j * this.dimensions, this.dimensions) : 0;
			}
		}
	}

	private void index(int i, Candidate candidate, double maxUpvotes, Instant now, Map<String, List<Integer>> authors,
			Map<String, List<Integer>> categories) {
		Paper paper = candidate.paper();
		float[] vector = candidate.vector();
		if (vector != null && vector.length == this.dimensions) {
			System.arraycopy(vector, 0, this.matrix, i * this.dimensions, this.dimensions);
			this.hasVector[i] = true;
		}
		this.popularity[i] = WeightedScore.popularity(paper.upvotes(), maxUpvotes);
		this.recency[i] = WeightedScore.recency(paper.firstSeenAt(), now);
		this.firstSeen[i] = paper.firstSeenAt().toEpochMilli();
		this.indexById.put(candidate.id(), i);
		for (String reference : references(paper)) {
			this.indexByReference.putIfAbsent(reference, i);
		}
		for (String author : paper.authors()) {
			String normalized = normalize(author);
			authors.computeIfAbsent(normalized, (key) -> new ArrayList<>()).add(i);
			this.authorNames.putIfAbsent(normalized + "\u0000" + i, author);
		}
		for (String category : paper.categories()) {
			categories.computeIfAbsent(category, (key) -> new ArrayList<>()).add(i);
		}
	}

	List<Candidate> papers() {
		return this.papers;
	}

	int size() {
		return this.size;
	}

	Candidate candidate(int index) {
		return this.papers.get(index);
	}

	Paper paper(int index) {
		return this.papers.get(index).paper();
	}

	boolean hasVector(int index) {
		return this.hasVector[index];
	}

	/**
	 * @return the popularity signal of a paper, 0 to 1
	 */
	double popularity(int index) {
		return this.popularity[index];
	}

	/**
	 * @return the recency signal of a paper, 0 to 1
	 */
	double recency(int index) {
		return this.recency[index];
	}

	long firstSeen(int index) {
		return this.firstSeen[index];
	}

	/**
	 * @return the index of the paper with that row id, or null when it is not a candidate
	 */
	@Nullable Integer index(long id) {
		return this.indexById.get(id);
	}

	/**
	 * Looks up a paper reference (key, arXiv id in any form, or exact title).
	 * @param reference the reference
	 * @return the paper, or null when it is not a candidate
	 */
	@Nullable Candidate find(String reference) {
		Integer index = this.indexByReference.get(reference);
		if (index == null) {
			index = PaperKeys.arxivId(reference).map(this.indexByReference::get).orElse(null);
		}
		if (index == null) {
			index = this.indexByReference.get("title:" + PaperKeys.titleHash(reference));
		}
		return (index != null) ? this.papers.get(index) : null;
	}

	/**
	 * @param name an author's name, normalized
	 * @return the indexes of the papers they wrote, in order
	 */
	int[] byAuthor(String name) {
		return this.byAuthor.getOrDefault(name, NONE);
	}

	/**
	 * @param category an arXiv category
	 * @return the indexes of the papers in it, in order
	 */
	int[] byCategory(String category) {
		return this.byCategory.getOrDefault(category, NONE);
	}

	/**
	 * @param name an author's name, normalized
	 * @param index a paper
	 * @return the name as that paper spells it, or null when they are not among its
	 * authors
	 */
	@Nullable String authorName(String name, int index) {
		return this.authorNames.get(name + "\u0000" + index);
	}

	/**
	 * The similarity of a vector to every paper that is not excluded and has one, at
	 * least 0. The hot loop of a run: the arrays are read into locals once.
	 * @param vector a vector of the pool's dimensions
	 * @param excluded papers to leave at 0
	 * @param into where to write each paper's similarity
	 */
	void similarities(float[] vector, boolean[] excluded, double[] into) {
		float[] matrix = this.matrix;
		boolean[] hasVector = this.hasVector;
		int dimensions = this.dimensions;
		for (int i = 0; i < this.size; i++) {
			if (!excluded[i] && hasVector[i]) {
				into[i] = Math.max(0, dot(vector, 0, matrix, i * dimensions, dimensions));
			}
		}
	}

	/**
	 * The highest similarity of each paper that is not excluded and has a vector to any
	 * of the given papers (and which one): from the pool's pairwise similarities for
	 * papers of the pool, from their vectors for the others.
	 * @param references the papers to compare with; those without a vector of the pool's
	 * dimensions are skipped
	 * @param excluded papers to leave as they are
	 * @param best each paper's highest similarity so far, raised where a reference is
	 * closer
	 * @param which where to write the index of the closest reference, or null
	 */
	void closest(List<Candidate> references, boolean[] excluded, double[] best, int @Nullable [] which) {
		float[] matrix = this.matrix;
		boolean[] hasVector = this.hasVector;
		int dimensions = this.dimensions;
		for (int r = 0; r < references.size(); r++) {
			Candidate reference = references.get(r);
			Integer pooled = this.indexById.get(reference.id());
			float[] vector = reference.vector();
			if (vector == null || vector.length != dimensions) {
				continue;
			}
			for (int i = 0; i < this.size; i++) {
				if (excluded[i] || !hasVector[i]) {
					continue;
				}
				double similarity = (pooled != null) ? similarity(i, pooled)
						: dot(vector, 0, matrix, i * dimensions, dimensions);
				if (similarity > best[i]) {
					best[i] = similarity;
					if (which != null) {
						which[i] = r;
					}
				}
			}
		}
	}

	/**
	 * @return the cosine similarity of two papers of the pool
	 */
	double similarity(int i, int j) {
		return (i >= j) ? this.similarities[i * (i + 1) / 2 + j] : this.similarities[j * (j + 1) / 2 + i];
	}

	/**
	 * @return whether a vector can be compared with the pool's
	 */
	boolean fits(float @Nullable [] vector) {
		return vector != null && vector.length == this.dimensions;
	}

	static Set<String> references(Paper paper) {
		Set<String> references = new HashSet<>();
		references.add(paper.key());
		if (paper.arxivId() != null) {
			references.add(paper.arxivId());
		}
		references.add("title:" + PaperKeys.titleHash(paper.title()));
		return references;
	}

	// Four accumulators: the JIT keeps them in registers and pipelines the multiplies.
	static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < length; i += 4) {
			s0 += a[aOffset + i] * b[bOffset + i];
			s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
			s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
			s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
		}
		for (; i < length; i++) {
			s0 += a[aOffset + i] * b[bOffset + i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	static String normalize(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	private static int[] toArray(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

}
