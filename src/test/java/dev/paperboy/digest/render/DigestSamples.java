package dev.paperboy.digest.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.paperboy.papers.Paper;
import dev.paperboy.papers.PaperLinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Digests built from the demo papers (title and abstract only), with the rest of each
 * paper made up the same way every time: authors, links, upvotes and reasons that vary
 * from paper to paper, so every branch of the templates shows.
 */
public final class DigestSamples {

	public static final String SITE = "https://papers.example.org";

	public static final LocalDate DATE = LocalDate.of(2026, 11, 23);

	private static final List<String> NAMES = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon",
			"Barbara Liskov", "Donald Knuth", "Frances Allen", "Edsger W. Dijkstra");

	private static final List<List<String>> REASONS = List.of(
			List.of("matches your keyword 'memory'", "by Grace Hopper, whom you follow"),
			List.of("close to your interests"), List.of("close to a paper you liked: Attention Is All You Need"),
			List.of());

	private DigestSamples() {
	}

	public static List<Paper> demoPapers(int count) {
		List<Paper> papers = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				DigestSamples.class.getResourceAsStream("/demo/papers.jsonl"), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null && papers.size() < count; line = lines.readLine()) {
				JsonNode json = JsonMapper.shared().readTree(line);
				papers.add(paper(papers.size(), json.get("title").asString(), json.get("abstract").asString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return papers;
	}

	public static Paper paper(int n, String title, String abstractText) {
		String arxivId = "2611.%05d".formatted(n + 1);
		PaperLinks links = switch (n % 4) {
			case 0 -> PaperLinks.forArxiv(arxivId)
				.withHuggingFace("https://huggingface.co/papers/" + arxivId)
				.withCode("https://github.com/example/paper-" + n);
			case 1 -> PaperLinks.forArxiv(arxivId).withHuggingFace("https://huggingface.co/papers/" + arxivId);
			case 2 -> PaperLinks.forArxiv(arxivId);
			default -> PaperLinks.NONE;
		};
		List<String> authors = NAMES.subList(0, (n * 3) % (NAMES.size() + 1));
		Integer upvotes = (n % 4 == 3) ? null : 200 - n * 17;
		return new Paper(arxivId, arxivId, title, abstractText, authors, List.of("cs.LG"), links, DATE, DATE,
				Instant.parse("2026-11-22T08:00:00Z"), upvotes, 0, List.of(), null, List.of("demo"));
	}

	public static DigestView digest(List<Paper> papers, boolean trending) {
		List<DigestView.Item> items = new ArrayList<>();
		for (Paper paper : papers) {
			int position = items.size() + 1;
			List<String> reasons = trending ? List.of() : REASONS.get(position % REASONS.size());
			items.add(DigestItems.item(position, paper, reasons, link("/feedback/more/" + position),
					link("/feedback/less/" + position)));
		}
		return new DigestView("bea@lab.example.org", DATE, "daily", trending, items, links(), sender());
	}

	public static DigestView.Links links() {
		return new DigestView.Links(link("/manage/t0k3n"), link("/unsubscribe/t0k3n"), link("/digests/t0k3n"),
				link("/feed/t0k3n.atom"));
	}

	public static DigestView.Sender sender() {
		return new DigestView.Sender("Paperboy of the Example Lab", SITE,
				"Example Lab\n1 Example Street\n12345 Springfield",
				"You get this email because you subscribed to Paperboy at " + SITE + ".");
	}

	public static String link(String path) {
		return SITE + path;
	}

}
