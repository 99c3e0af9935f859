package dev.paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.Paperboy;
import dev.paperboy.TestDatabaseConfiguration;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;
import dev.paperboy.matching.Match;
import dev.paperboy.matching.MatcherFactory;
import dev.paperboy.matching.MatchingProperties;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.matching.TextEmbedder;
import dev.paperboy.papers.PaperCandidates;
import dev.paperboy.papers.PaperKeys;
import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching quality on the shared topical listings. Empties the catalog, imports every
 * listing of the samples directory (a paper in two listings is one paper), embeds all
 * papers, then ranks the pooled papers for two profiles per listing: (a) a one-sentence
 * description of the listing's topic, with keywords made of that sentence's content
 * words, and (b) the listing's first five papers marked as liked, with keywords made of
 * their titles' most distinctive words. A paper is relevant when it is in the listing.
 * Three rankers run each profile: keyword-only and semantic-only (the same
 * {@code Matcher}, only that weight non-zero, threshold 0, diversity 1) and the full
 * matcher with its default settings. Prints precision@10 and nDCG@10 per profile and
 * ranker, their averages, and the gate verdict. The method is in docs/matching.md.
 *
 * <p>
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.paperboy.bench.MatchingEvaluation}
 * ({@code -Dbench.samples=DIR} for another samples directory, {@code -Dbench.verbose} to
 * print every top ten).
 */
public final class MatchingEvaluation {

	private static final int K = 10;

	private static final int LIKED = 5;

	private static final int LIKED_KEYWORDS = 8;

	private static final double MAX_TRAIL = 0.1;

	/**
	 * One sentence per listing, as a reader interested in its topic would write it,
	 * written from reading the listing, before any ranking was seen, and not changed
	 * since.
	 */
	private static final Map<String, String> INTERESTS = Map.of("listing-000",
			"I follow research where AI meets the brain and cognition: brain-inspired models of language, memory "
					+ "and sequence prediction, and deep learning used to decode brain activity.",
			"listing-001",
			"I'm interested in neurons, biological and artificial: computational neuroscience, decoding images "
					+ "and speech from brain recordings, spiking neural networks, and interpreting what individual "
					+ "neurons in deep networks respond to.",
			"listing-002", "Neural coding: how brains and artificial neural networks encode information, from learned "
					+ "representations and sparse or predictive codes to neural compression and codecs.");

	// Function words, and words that say what the reader wants rather than what about.
	private static final Set<String> STOP_WORDS = Set.of("a", "about", "above", "after", "again", "against", "all",
			"also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
			"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
			"especially", "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
			"hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "m", "me",
			"more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
			"out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
			"then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us",
			"very", "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
			"with", "would", "you", "your", "follow", "interested", "interest", "like", "want", "papers", "paper",
			"research", "work", "new", "toward", "towards", "using", "use", "used");

	private MatchingEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(System.getProperty("bench.samples", "../shared/samples"));
		boolean verbose = Boolean.getBoolean("bench.verbose");
		Map<String, List<JsonNode>> listings = listings(directory);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Paperboy.class,
				TestDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			// Every imported paper is a candidate, whenever the listings were imported.
			.properties("logging.level.root=WARN", "paperboy.matching.candidate-window=36500d")
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DatabaseCleaner.clean(jdbc);
			FileImporter importer = context.getBean(FileImporter.class);
			for (String name : listings.keySet()) {
				FetchRun run = importer.importFile(directory.resolve(name + ".jsonl"), Trigger.COMMAND);
				System.out.printf(Locale.ROOT, "Imported %s: %d new, %d updated, %d unchanged, %d rejected%n", name,
						run.added(), run.updated(), run.unchanged(), run.rejected());
			}
			long started = System.nanoTime();
			int embedded = context.getBean(PaperEmbedder.class).embedAll();
			System.out.printf(Locale.ROOT, "Embedded %d papers in %.1f s%n", embedded,
					(System.nanoTime() - started) / 1e9);
			Map<String, String> keys = new HashMap<>();
			jdbc.sql("select key, title from paper")
				.query((rs, n) -> Map.entry(PaperKeys.normalizeTitle(rs.getString("title")), rs.getString("key")))
				.list()
				.forEach((entry) -> keys.put(entry.getKey(), entry.getValue()));
			System.out.printf(Locale.ROOT, "Catalog: %d papers%n%n", keys.size());

			MatchingProperties defaults = context.getBean(MatchingProperties.class);
			PaperCandidates candidates = context.getBean(PaperCandidates.class);
			TextEmbedder embedder = context.getBean(TextEmbedder.class);
			Map<String, MatcherFactory.Ranker> rankers = new LinkedHashMap<>();
			rankers.put("keyword", MatcherFactory.create(candidates, embedder,
					baseline(defaults, new MatchingProperties.Weights(0, 1, 0, 0, 0, 0))));
			rankers.put("semantic", MatcherFactory.create(candidates, embedder,
					baseline(defaults, new MatchingProperties.Weights(1, 0, 0, 0, 0, 0))));
			rankers.put("full", MatcherFactory.of(context));
			System.out.printf(Locale.ROOT, "Full matcher: %s%n%n", defaults);

			Map<String, Integer> documentFrequency = documentFrequency(listings);
			int pooled = keys.size();
			List<Row> rows = new ArrayList<>();
			Instant now = Instant.now();
			for (Map.Entry<String, List<JsonNode>> listing : listings.entrySet()) {
				List<String> listed = listing.getValue()
					.stream()
					.map((paper) -> keys.get(PaperKeys.normalizeTitle(paper.get("title").asString())))
					.distinct()
					.toList();
				List<Evaluated> profiles = new ArrayList<>();
				String interests = interests(directory, listing.getKey());
				if (interests != null) {
					profiles.add(new Evaluated(listing.getKey() + " (a) interests",
							profile(interests, String.join(" OR ", contentWords(interests))), Set.of(),
							new HashSet<>(listed)));
				}
				else {
					System.out.printf(Locale.ROOT, "%s (a) interests: n/a, no sentence for this listing (write one "
							+ "into %s.interests.txt beside it)%n", listing.getKey(), listing.getKey());
				}
				List<JsonNode> likedPapers = listing.getValue().subList(0, Math.min(LIKED, listing.getValue().size()));
				Set<String> liked = likedPapers.stream()
					.map((paper) -> keys.get(PaperKeys.normalizeTitle(paper.get("title").asString())))
					.collect(Collectors.toCollection(LinkedHashSet::new));
				Set<String> relevant = new HashSet<>(listed);
				relevant.removeAll(liked);
				profiles.add(new Evaluated(listing.getKey() + " (b) " + liked.size() + " liked",
						profile("", String.join(" OR ", distinctiveWords(likedPapers, documentFrequency, pooled))),
						liked, relevant));
				for (Evaluated evaluated : profiles) {
					System.out.printf(Locale.ROOT, "%s: %d relevant of %d candidates%n", evaluated.name,
							evaluated.relevant.size(), pooled - evaluated.liked.size());
					if (!evaluated.profile.interests().isEmpty()) {
						System.out.printf(Locale.ROOT, "  interests: %s%n", evaluated.profile.interests());
					}
					for (JsonNode paper : evaluated.liked.isEmpty() ? List.<JsonNode>of() : likedPapers) {
						System.out.printf(Locale.ROOT, "  liked: %s%n", paper.get("title").asString());
					}
					System.out.printf(Locale.ROOT, "  keywords: %s%n", evaluated.profile.keywords());
					for (Map.Entry<String, MatcherFactory.Ranker> ranker : rankers.entrySet()) {
						List<Match> ranked = ranker.getValue()
							.select(evaluated.profile, evaluated.liked, Set.of(), now)
							.papers();
						rows.add(new Row(evaluated.name, ranker.getKey(), precision(ranked, evaluated.relevant),
								ndcg(ranked, evaluated.relevant), ranked.size()));
						if (verbose) {
							System.out.printf(Locale.ROOT, "  %s:%n", ranker.getKey());
							for (Match match : ranked) {
								System.out.printf(Locale.ROOT, "    %s %.3f %s%n",
										evaluated.relevant.contains(match.key()) ? "+" : "-", match.score(),
										match.title());
							}
						}
					}
				}
			}
			System.out.println();
			printTable(rows, rankers.keySet());
			gate(rows);
		}
		finally {
			// The test SMTP server is not a daemon: stopped, the JVM can end.
			TestMailConfiguration.mail().stop();
		}
	}

	/**
	 * The listing's sentence: from {@code <listing>.interests.txt} beside it when there
	 * is one, else the one written for the shared samples, else none.
	 */
	private static @Nullable String interests(Path directory, String listing) throws IOException {
		Path file = directory.resolve(listing + ".interests.txt");
		if (Files.isRegularFile(file)) {
			return Files.readString(file).strip();
		}
		return INTERESTS.get(listing);
	}

	private static MatchingProperties baseline(MatchingProperties defaults, MatchingProperties.Weights weights) {
		return new MatchingProperties(defaults.embeddings(), defaults.candidateWindow(), defaults.maxCandidates(),
				weights, 0, defaults.semanticThreshold(), 1.0, defaults.trendingUpvotes(), defaults.previewCache());
	}

	private static Profile profile(String interests, String keywords) {
		return new Profile(interests, keywords, List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7,
				ZoneId.of("UTC"), K);
	}

	private static Map<String, List<JsonNode>> listings(Path directory) throws IOException {
		Map<String, List<JsonNode>> listings = new LinkedHashMap<>();
		try (var files = Files.list(directory)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".jsonl")).sorted().toList()) {
				List<JsonNode> papers = new ArrayList<>();
				for (String line : Files.readAllLines(file)) {
					if (!line.isBlank()) {
						papers.add(JsonMapper.shared().readTree(line));
					}
				}
				listings.put(file.getFileName().toString().replaceFirst("\\.jsonl$", ""), papers);
			}
		}
		return listings;
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() > 1 && !STOP_WORDS.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	/** The sentence's content words, in order, each once. */
	static List<String> contentWords(String sentence) {
		return List.copyOf(new LinkedHashSet<>(words(sentence)));
	}

	/**
	 * The most distinctive content words of the liked papers' titles: those in most liked
	 * titles first, then the rarest in the catalog (fewest titles and abstracts that use
	 * them), leaving out words no other paper of the catalog uses.
	 */
	static List<String> distinctiveWords(List<JsonNode> liked, Map<String, Integer> documentFrequency, int papers) {
		Map<String, Integer> titles = new HashMap<>();
		for (JsonNode paper : liked) {
			for (String word : new LinkedHashSet<>(words(paper.get("title").asString()))) {
				titles.merge(word, 1, Integer::sum);
			}
		}
		return titles.keySet()
			.stream()
			.filter((word) -> documentFrequency.getOrDefault(word, 0) >= 2)
			.sorted(Comparator.<String>comparingInt(titles::get)
				.reversed()
				.thenComparingDouble((word) -> -Math.log((double) papers / documentFrequency.get(word)))
				.thenComparing(Comparator.naturalOrder()))
			.limit(LIKED_KEYWORDS)
			.toList();
	}

	/**
	 * In how many distinct papers (title and abstract) of all listings each word occurs.
	 */
	private static Map<String, Integer> documentFrequency(Map<String, List<JsonNode>> listings) {
		Map<String, String> texts = new HashMap<>();
		for (List<JsonNode> papers : listings.values()) {
			for (JsonNode paper : papers) {
				texts.put(PaperKeys.normalizeTitle(paper.get("title").asString()),
						paper.get("title").asString() + " " + paper.get("abstract").asString());
			}
		}
		Map<String, Integer> frequency = new HashMap<>();
		for (String text : texts.values()) {
			for (String word : new HashSet<>(words(text))) {
				frequency.merge(word, 1, Integer::sum);
			}
		}
		return frequency;
	}

	/**
	 * Relevant papers among the first ten, over ten (a short digest counts as misses).
	 */
	static double precision(List<Match> ranked, Set<String> relevant) {
		return ranked.stream().limit(K).filter((match) -> relevant.contains(match.key())).count() / (double) K;
	}

	/**
	 * Binary-relevance nDCG at ten; the ideal ranking puts min(10, relevant) hits first.
	 */
	static double ndcg(List<Match> ranked, Set<String> relevant) {
		double dcg = 0;
		for (int i = 0; i < Math.min(K, ranked.size()); i++) {
			if (relevant.contains(ranked.get(i).key())) {
				dcg += 1 / log2(i + 2);
			}
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(K, relevant.size()); i++) {
			ideal += 1 / log2(i + 2);
		}
		return (ideal > 0) ? dcg / ideal : 0;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	private static void printTable(List<Row> rows, Set<String> rankers) {
		String format = "%-26s %-9s %6s %8s %9s%n";
		System.out.printf(Locale.ROOT, format, "profile", "ranker", "P@10", "nDCG@10", "returned");
		for (Row row : rows) {
			System.out.printf(Locale.ROOT, format, row.profile, row.ranker, "%.3f".formatted(row.precision),
					"%.3f".formatted(row.ndcg), row.returned);
		}
		for (String ranker : rankers) {
			System.out.printf(Locale.ROOT, format, "average", ranker, "%.3f".formatted(average(rows, ranker, true)),
					"%.3f".formatted(average(rows, ranker, false)), "");
		}
	}

	private static double average(List<Row> rows, String ranker, boolean precision) {
		return rows.stream()
			.filter((row) -> row.ranker.equals(ranker))
			.mapToDouble((row) -> precision ? row.precision : row.ndcg)
			.average()
			.orElse(0);
	}

	private static void gate(List<Row> rows) {
		List<String> failures = new ArrayList<>();
		for (boolean precision : new boolean[] { true, false }) {
			String metric = precision ? "P@10" : "nDCG@10";
			double full = average(rows, "full", precision);
			for (String baseline : List.of("keyword", "semantic")) {
				double other = average(rows, baseline, precision);
				if (full <= other) {
					failures.add(String.format(Locale.ROOT, "average %s: full %.3f does not beat %s %.3f", metric, full,
							baseline, other));
				}
			}
			Map<String, List<Row>> byProfile = rows.stream()
				.collect(Collectors.groupingBy(Row::profile, LinkedHashMap::new, Collectors.toList()));
			for (Map.Entry<String, List<Row>> profile : byProfile.entrySet()) {
				double full1 = value(profile.getValue(), "full", precision);
				double best = Math.max(value(profile.getValue(), "keyword", precision),
						value(profile.getValue(), "semantic", precision));
				if (full1 < best - MAX_TRAIL - 1e-9) {
					failures.add(String.format(Locale.ROOT,
							"%s %s: full %.3f trails the better baseline %.3f by more than %.1f", profile.getKey(),
							metric, full1, best, MAX_TRAIL));
				}
			}
		}
		System.out.println();
		if (failures.isEmpty()) {
			System.out.println("Gate: PASS (the full matcher beats both single-signal baselines on average P@10 and "
					+ "nDCG@10, and trails the better of them by at most 0.1 on every profile)");
		}
		else {
			System.out.println("Gate: FAIL");
			failures.forEach((failure) -> System.out.println("  " + failure));
		}
	}

	private static double value(List<Row> rows, String ranker, boolean precision) {
		return rows.stream()
			.filter((row) -> row.ranker.equals(ranker))
			.mapToDouble((row) -> precision ? row.precision : row.ndcg)
			.findFirst()
			.orElse(0);
	}

	private record Evaluated(String name, Profile profile, Set<String> liked, Set<String> relevant) {

	}

	private record Row(String profile, String ranker, double precision, double ndcg, int returned) {

	}

}
