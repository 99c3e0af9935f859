package dev.paperboy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.matching.TextEmbedder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data the matching and delivery benchmarks share: papers built from the demo papers,
 * and subscribers with mixed profiles.
 */
final class BenchData {

	private BenchData() {
	}

	/**
	 * Imports {@code count} papers (the demo papers, then variants of them) through the
	 * file importer and embeds them.
	 * @param context the application
	 * @param count how many papers
	 * @return their titles, in order
	 * @throws IOException when the demo papers cannot be read
	 */
	static List<String> seedPapers(ConfigurableApplicationContext context, int count) throws IOException {
		List<JsonNode> demo = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/main/resources/demo/papers.jsonl"))) {
			if (!line.isBlank()) {
				demo.add(JsonMapper.shared().readTree(line));
			}
		}
		String[] categories = { "cs.AI", "cs.CL", "cs.LG", "cs.CV", "stat.ML", "q-bio.NC", "cs.NE", "eess.AS" };
		Random random = new Random(7);
		Path file = Files.createTempFile("paperboy-bench", ".jsonl");
		List<String> titles = new ArrayList<>();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				JsonNode sample = demo.get(i % demo.size());
				String title = sample.get("title").asString() + ((i < demo.size()) ? "" : " (part " + i + ")");
				titles.add(title);
				Map<String, Object> paper = new LinkedHashMap<>();
				paper.put("title", title);
				paper.put("abstract", sample.get("abstract").asString());
				paper.put("arxivId", String.format(Locale.ROOT, "2611.%05d", i));
				List<String> authors = new ArrayList<>();
				for (int a = 0; a < 5; a++) {
					authors.add(author(random.nextInt(2000)));
				}
				paper.put("authors", authors);
				paper.put("categories", List.of(categories[random.nextInt(categories.length)],
						categories[random.nextInt(categories.length)]));
				paper.put("upvotes", (int) Math.floor(Math.exp(random.nextDouble() * 5.5)));
				out.write(JsonMapper.shared().writeValueAsString(paper));
				out.newLine();
			}
		}
		context.getBean(FileImporter.class).importFile(file, Trigger.COMMAND);
		Files.delete(file);
		long started = System.nanoTime();
		int embedded = context.getBean(PaperEmbedder.class).embedAll();
		System.out.printf(Locale.ROOT, "seeded %,d papers, embedded %,d in %.1f s%n", count, embedded,
				(System.nanoTime() - started) / 1e9);
		return titles;
	}

	private static String author(int n) {
		String[] given = { "Ada", "Alan", "Grace", "Yann", "Fei-Fei", "Geoffrey", "Yoshua", "Daphne", "Judea",
				"Leslie" };
		return given[n % given.length] + " Author" + n;
	}

	/**
	 * Writes {@code count} ACTIVE subscribers with mixed profiles (interests with stored
	 * vectors, keyword queries, authors, categories, liked papers, feedback) with a few
	 * set-based statements.
	 * @param context the application
	 * @param jdbc its database
	 * @param count how many subscribers
	 * @param titles the seeded papers' titles
	 */
	static void seedSubscribers(ConfigurableApplicationContext context, JdbcClient jdbc, int count,
			List<String> titles) {
		long started = System.nanoTime();
		Random random = new Random(11);
		// Interests: 300 distinct sentences about the papers' topics; vectors stored
		// as the background worker would store them.
		java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
		while (distinct.size() < 300) {
			distinct.add("Research on " + titles.get(random.nextInt(titles.size())).toLowerCase(Locale.ROOT));
		}
		List<String> sentences = List.copyOf(distinct);
		// Keywords: words of the titles, with OR, a phrase now and then, and exclusions.
		Map<String, Integer> frequency = new TreeMap<>();
		for (String title : titles) {
			for (String word : title.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
				if (word.length() > 4) {
					frequency.merge(word, 1, Integer::sum);
				}
			}
		}
		List<String> words = frequency.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(400)
			.map(Map.Entry::getKey)
			.toList();
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			StringBuilder query = new StringBuilder(words.get(random.nextInt(words.size())));
			int more = random.nextInt(3);
			for (int w = 0; w < more; w++) {
				query.append(" OR ").append(words.get(random.nextInt(words.size())));
			}
			if (random.nextInt(10) == 0) {
				query.append(" OR \"")
					.append(words.get(random.nextInt(50)))
					.append(' ')
					.append(words.get(random.nextInt(50)))
					.append('"');
			}
			if (random.nextInt(5) == 0) {
				query.append(" -").append(words.get(random.nextInt(words.size())));
			}
			queries.add(query.toString());
		}
		jdbc.sql(
				"""
						insert into subscriber (email, email_key, status, confirmed_at, interests, keywords, authors, categories, papers_per_digest)
						select 'reader' || g || '@example.org', 'reader' || g || '@example.org', 'ACTIVE', now(),
						       case when g % 10 < 7 then (cast(:sentences as text[]))[1 + (g::bigint * 7919) % 300] else '' end,
						       case when g % 2 = 0 then (cast(:queries as text[]))[1 + (g::bigint * 104729) % 5000] else '' end,
						       case when g % 10 < 3 then array['Ada Author' || (g * 31) % 2000, 'Alan Author' || (g * 17) % 2000]
						            else '{}' end,
						       case when g % 5 = 0 then array[(array['cs.AI', 'cs.CL', 'cs.LG', 'cs.CV'])[1 + g % 4]] else '{}' end,
						       case when g % 4 = 0 then 5 when g % 4 = 1 then 20 else 10 end
						from generate_series(1, :count) g
						""")
			.param("sentences", textArray(sentences))
			.param("queries", textArray(queries))
			.param("count", count)
			.update();
		List<float[]> vectors = context.getBean(TextEmbedder.class).embed(sentences);
		StringBuilder hex = new StringBuilder("{");
		for (int i = 0; i < vectors.size(); i++) {
			hex.append((i > 0) ? "," : "")
				.append('"')
				.append(java.util.HexFormat.of().formatHex(bytes(vectors.get(i))))
				.append('"');
		}
		hex.append('}');
		jdbc.sql(
				"""
						insert into profile_embedding (subscriber_id, model, text_hash, vector)
						select s.id, :model, encode(sha256(convert_to(s.interests, 'UTF8')), 'hex'), decode(v.hex, 'hex')
						from subscriber s
						join unnest(cast(:sentences as text[]), cast(:vectors as text[])) v(sentence, hex) on v.sentence = s.interests
						""")
			.param("model", TextEmbedder.MODEL)
			.param("sentences", textArray(sentences))
			.param("vectors", hex.toString())
			.update();
		// 10% like two papers (by arXiv id), 5% gave two pieces of feedback.
		jdbc.sql("""
				insert into liked_paper (subscriber_id, paper)
				select id, '2611.' || lpad(((id * k) % :papers)::text, 5, '0') from subscriber, (values (13), (29)) k(k)
				where id % 10 = 3
				on conflict do nothing
				""").param("papers", titles.size()).update();
		jdbc.sql("""
				insert into feedback (subscriber_id, paper_key, vote)
				select id, '2611.' || lpad(((id * k) % :papers)::text, 5, '0'), case when k = 7 then 1 else -1 end
				from subscriber, (values (7), (41)) k(k)
				where id % 20 = 5
				on conflict do nothing
				""").param("papers", titles.size()).update();
		jdbc.sql("analyze").update();
		System.out.printf(Locale.ROOT, "seeded %,d subscribers in %.1f s%n", count,
				(System.nanoTime() - started) / 1e9);
		// Written by SQL, so no subscription event told digest about them: their
		// schedules are built through digest's API, from subscription's.
		long scheduling = System.nanoTime();
		int scheduled = context.getBean(DigestScheduler.class)
			.schedule(jdbc.sql("select id from subscriber order by id").query(Long.class).list());
		System.out.printf(Locale.ROOT, "%,d schedules computed in %.1f s%n", scheduled,
				(System.nanoTime() - scheduling) / 1e9);
	}

	private static byte[] bytes(float[] vector) {
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(vector.length * 4)
			.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return buffer.array();
	}

	private static String textArray(List<String> values) {
		return values.stream()
			.map((value) -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
			.collect(Collectors.joining(",", "{", "}"));
	}

}
