package dev.paperboy.digest.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.papers.Paper;

import org.springframework.stereotype.Component;

/**
 * What a paper looks like in every digest it is in: its item (shortened title, authors,
 * summary, checked links) and its heading rendered by {@code mail/digest-paper.html} and
 * {@code mail/digest-paper.txt}, made once and reused across subscribers. Without it each
 * digest rendered the same ten papers' headings again, a third of the CPU of sending it.
 * <p>
 * Found by the paper's key and kept only while the paper is equal to the one it was made
 * from, so a paper whose upvotes or summary changed gets a new heading. The papers of a
 * batch of digests are the same objects, so most look-ups compare a reference, not the
 * whole record; {@link #canonical} makes the papers of later batches those same objects.
 * A heading is made again when the branding (its links' colour) changed. The plain text
 * heading is kept per position ("3. Title" wraps differently from "10. Title"). Bounded:
 * past a few thousand papers the cache starts over. The mail templates are cached by the
 * template engine too, so an operator's templates are read once, at their first use.
 */
@Component
class PaperHeadings {

	private static final int MAX_PAPERS = 4096;

	// positions whose plain text heading is kept; a longer digest renders the rest
	private static final int MAX_POSITION = 64;

	private final MailTemplates templates;

	private final Map<String, Heading> headings = new ConcurrentHashMap<>();

	PaperHeadings(MailTemplates templates) {
		this.templates = templates;
	}

	/**
	 * Each batch of digests loads its papers: a paper equal to the one its heading was
	 * made from is replaced by that one, so that the batch's digests find it by reference
	 * rather than comparing whole records (one comparison per paper and batch, instead of
	 * one per paper and digest).
	 * @param papers papers by id, as loaded
	 * @return the same papers, by id
	 */
	Map<Long, Paper> canonical(Map<Long, Paper> papers) {
		Map<Long, Paper> canonical = new HashMap<>(papers);
		canonical.replaceAll((id, paper) -> {
			Heading heading = this.headings.get(paper.key());
			return (heading != null && heading.paper != paper && heading.paper.equals(paper)) ? heading.paper : paper;
		});
		return canonical;
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
		Brand brand = this.templates.brand();
		Heading heading = this.headings.get(paper.key());
		if (heading == null || !heading.isFor(paper) || !heading.brand.equals(brand)) {
			if (this.headings.size() >= MAX_PAPERS) {
				this.headings.clear();
			}
			heading = new Heading(paper, brand, this.templates);
			this.headings.put(paper.key(), heading);
		}
		return heading.item.of(position, reasons.stream().map(DigestItems::collapse).toList(), moreUrl, lessUrl)
			.withHeading(heading.html, heading.text(position, this.templates));
	}

	/** One paper's item and headings. */
	private static final class Heading {

		final Paper paper;

		final DigestView.Item item;

		final Brand brand;

		final String html;

		private final AtomicReferenceArray<String> texts = new AtomicReferenceArray<>(MAX_POSITION + 1);

		Heading(Paper paper, Brand brand, MailTemplates templates) {
			this.paper = paper;
			this.brand = brand;
			this.item = DigestItems.item(0, paper, List.of(), "", "");
			this.html = templates.renderOne("digest-paper", Map.of("item", this.item, "brand", brand));
		}

		boolean isFor(Paper other) {
			return other == this.paper || this.paper.equals(other);
		}

		String text(int position, MailTemplates templates) {
			if (position > MAX_POSITION) {
				return render(position, templates);
			}
			String text = this.texts.get(position);
			if (text == null) {
				text = render(position, templates);
				this.texts.set(position, text);
			}
			return text;
		}

		private String render(int position, MailTemplates templates) {
			return templates.renderOne("digest-paper.txt",
					Map.of("item", this.item.of(position, List.of(), "", ""), "brand", this.brand));
		}

	}

}
