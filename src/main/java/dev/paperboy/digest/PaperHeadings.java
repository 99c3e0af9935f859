package dev.paperboy.digest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.papers.Paper;

import org.springframework.stereotype.Component;

/**
 * What a paper looks like in every digest it is in: its item (shortened title, authors,
 * summary, checked links) and its heading rendered by {@code mail/digest-paper.html} and
 * {@code mail/digest-paper.txt}, made once and reused across subscribers. Without it each
 * digest rendered the same ten papers' headings again, a third of the CPU of sending it.
 * <p>
 * Keyed by the paper's whole record, so a paper whose upvotes or summary changed gets a
 * new heading; the plain text heading also by its position ("3. Title" wraps differently
 * from "10. Title"). Bounded: past a few thousand papers the caches start over. The mail
 * templates are cached by the template engine too, so an operator's templates are read
 * once, at their first use.
 */
@Component
class PaperHeadings {

	private static final int MAX_PAPERS = 4096;

	private static final int MAX_HEADINGS = 65_536;

	private final MailTemplates templates;

	private final Map<Paper, DigestView.Item> items = new ConcurrentHashMap<>();

	private final Map<DigestView.Item, String> html = new ConcurrentHashMap<>();

	private final Map<DigestView.Item, String> text = new ConcurrentHashMap<>();

	PaperHeadings(MailTemplates templates) {
		this.templates = templates;
	}

	/**
	 * @param position where the paper stands in the digest, from 1
	 * @param paper the paper
	 * @param reasons why it matched, for this subscriber
	 * @param moreUrl this subscriber's signed "more like this" link
	 * @param lessUrl this subscriber's signed "less like this" link
	 * @return the paper as this subscriber's digest shows it, heading rendered
	 */
	DigestView.Item item(int position, Paper paper, List<String> reasons, String moreUrl, String lessUrl) {
		DigestView.Item shared = bounded(this.items, MAX_PAPERS).computeIfAbsent(paper,
				(key) -> DigestItems.item(0, key, List.of(), "", ""));
		DigestView.Item placed = shared.of(position, List.of(), "", "");
		String html = bounded(this.html, MAX_HEADINGS).computeIfAbsent(shared,
				(key) -> this.templates.renderOne("digest-paper", Map.of("item", key)));
		String text = bounded(this.text, MAX_HEADINGS).computeIfAbsent(placed,
				(key) -> this.templates.renderOne("digest-paper.txt", Map.of("item", key)));
		return shared.of(position, reasons.stream().map(DigestItems::collapse).toList(), moreUrl, lessUrl)
			.withHeading(html, text);
	}

	private static <K, V> Map<K, V> bounded(Map<K, V> cache, int max) {
		if (cache.size() >= max) {
			cache.clear();
		}
		return cache;
	}

}
