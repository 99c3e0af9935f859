package dev.paperboy.digest.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.mime.MailBody;
import dev.paperboy.delivery.mime.MailStencil;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.mime.MailText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Renders digests from stencils: the digest templates run once per shape of digest
 * (cadence, trending or not, date, number of papers, which papers have reasons, the
 * branding) with markers where a subscriber's values go (address, signed links, each
 * paper's heading, reasons and feedback links), and each digest of that shape is the
 * stencil filled with its values: for sending, straight into the bytes the parts go as,
 * the stencil's text and the papers' headings encoded once. Running the templates was
 * about half of the CPU of sending a digest.
 * <p>
 * A stencil is used only once it gave the same bytes as the templates for a real digest
 * (the first of its shape), and one digest in {@value #SAMPLE} is rendered both ways
 * again. Templates that do what a stencil cannot reproduce (an operator's that read a
 * paper's authors in {@code digest.html} rather than in {@code digest-paper.html}, or
 * measure a link) turn stencils off: from then on every digest is rendered in full, and
 * the log says why once.
 */
@Component
class DigestStencils {

	private static final Logger logger = LoggerFactory.getLogger(DigestStencils.class);

	static final int SAMPLE = 1000;

	private static final int MAX_SHAPES = 256;

	private static final int MAX_HEADINGS = 16384;

	// subscriber's address and four links, then per paper
	private static final int DIGEST_SLOTS = 5;

	// key, title, why, more, less, heading html, heading text
	private static final int ITEM_SLOTS = 7;

	private final MailTemplates templates;

	private final Map<Shape, MailStencil> stencils = new ConcurrentHashMap<>();

	private final AtomicLong filled = new AtomicLong();

	// the papers' headings (PaperHeadings), encoded
	private final Map<String, MailStencil.Chunk> headings = new ConcurrentHashMap<>();

	private volatile boolean off;

	DigestStencils(MailTemplates templates) {
		this.templates = templates;
	}

	/**
	 * @param view a digest
	 * @param encode whether a digest filled from a stencil should come as the bytes its
	 * parts go as to a server that takes 8-bit mail, rather than as text
	 * @return its two parts, as the digest templates render them
	 */
	MailBody body(DigestView view, boolean encode) {
		Brand brand = this.templates.brand();
		Shape shape = this.off ? null : Shape.of(view, brand);
		if (shape == null) {
			return body(full(view, brand));
		}
		MailStencil stencil = this.stencils.get(shape);
		if (stencil == null) {
			return body(first(shape, view, brand));
		}
		Values values = values(view);
		MailBody body = encode ? stencil.encode(values.values, values.chunks) : null;
		if (body == null) {
			body = body(stencil.fill(values.values));
		}
		if (this.filled.incrementAndGet() % SAMPLE == 0) {
			MailTemplates.Rendered full = full(view, brand);
			if (!body.sameAs(full.text(), full.html())) {
				turnOff(shape, "a stencil filled differs from the templates' rendering", null);
				return body(full);
			}
		}
		return body;
	}

	private static MailBody body(MailTemplates.Rendered rendered) {
		return MailBody.of(rendered.text(), rendered.html());
	}

	/**
	 * @return whether digests are rendered from stencils (until templates turn them off)
	 */
	boolean on() {
		return !this.off;
	}

	/**
	 * @return how many stencils are kept
	 */
	int stencils() {
		return this.stencils.size();
	}

	// The first digest of a shape: rendered in full, and its stencil kept if filling it
	// gives the same
	private MailTemplates.Rendered first(Shape shape, DigestView view, Brand brand) {
		MailTemplates.Rendered full = full(view, brand);
		MailStencil stencil;
		try {
			MailStencil.Slots slots = new MailStencil.Slots();
			stencil = this.templates.stencil("digest", Map.of("digest", marked(view, slots), "brand", brand), slots);
		}
		catch (MailStencil.NotStencilable ex) {
			turnOff(shape, ex.getMessage(), null);
			return full;
		}
		catch (RuntimeException ex) {
			turnOff(shape, "the templates failed over markers", ex);
			return full;
		}
		Values values = values(view);
		MailBody encoded = stencil.encode(values.values, values.chunks);
		if (!stencil.fill(values.values).equals(full)
				|| (encoded != null && !encoded.sameAs(full.text(), full.html()))) {
			turnOff(shape, "a stencil filled differs from the templates' rendering", null);
			return full;
		}
		if (this.stencils.size() >= MAX_SHAPES) {
			this.stencils.clear();
		}
		this.stencils.put(shape, stencil);
		return full;
	}

	private MailTemplates.Rendered full(DigestView view, Brand brand) {
		return this.templates.render("digest", Map.of("digest", view, "brand", brand));
	}

	private void turnOff(Shape shape, String why, @Nullable RuntimeException ex) {
		if (!this.off) {
			this.off = true;
			this.stencils.clear();
			logger.warn("Rendering every digest in full from now on: the digest templates do what a stencil cannot"
					+ " reproduce ({}; a digest of {} papers). Show a paper's fields other than its title in"
					+ " mail/digest-paper.*, and a subscriber's values only as they are, joined, or through"
					+ " #mail.wrap, #mail.isWebLink and #strings.isEmpty", why, shape.count, ex);
		}
	}

	// What a stencil's templates see: the same structure, markers for the values
	private static DigestView marked(DigestView view, MailStencil.Slots slots) {
		String recipient = slots.text();
		DigestView.Links links = new DigestView.Links(slots.link(), slots.link(), slots.link(), slots.link());
		List<DigestView.Item> items = new ArrayList<>(view.papers().size());
		String unslotted = MailStencil.Slots.UNSLOTTED;
		for (DigestView.Item item : view.papers()) {
			String key = slots.text();
			String title = slots.text();
			List<String> why = item.reasons().isEmpty() ? List.of() : List.of(slots.text());
			String more = slots.link();
			String less = slots.link();
			String html = slots.text();
			String text = slots.text();
			items.add(new DigestView.Item(item.position(), key, title, unslotted, unslotted, unslotted, null, unslotted,
					unslotted, why, more, less, html, text));
		}
		return new DigestView(recipient, view.date(), view.cadence(), view.trending(), items, links, view.sender());
	}

	// The values of a digest, in the order of marked's slots, and the papers' headings
	// encoded (once for all digests)
	private Values values(DigestView view) {
		List<DigestView.Item> items = view.papers();
		int count = DIGEST_SLOTS;
		for (DigestView.Item item : items) {
			count += item.reasons().isEmpty() ? ITEM_SLOTS - 1 : ITEM_SLOTS;
		}
		String[] values = new String[count];
		MailStencil.Chunk[] chunks = new MailStencil.Chunk[count];
		values[0] = view.recipient();
		values[1] = view.links().manage();
		values[2] = view.links().unsubscribe();
		values[3] = view.links().view();
		values[4] = view.links().feed();
		int i = DIGEST_SLOTS;
		for (DigestView.Item item : items) {
			values[i++] = item.key();
			values[i++] = item.title();
			if (!item.reasons().isEmpty()) {
				values[i++] = item.why();
			}
			values[i++] = item.moreUrl();
			values[i++] = item.lessUrl();
			chunks[i] = chunk(item.html());
			values[i++] = item.html();
			chunks[i] = chunk(item.text());
			values[i++] = item.text();
		}
		return new Values(values, chunks);
	}

	private MailStencil.Chunk chunk(String heading) {
		MailStencil.Chunk chunk = this.headings.get(heading);
		if (chunk == null) {
			if (this.headings.size() >= MAX_HEADINGS) {
				this.headings.clear();
			}
			chunk = MailStencil.Chunk.of(heading);
			this.headings.put(heading, chunk);
		}
		return chunk;
	}

	private record Values(String[] values, MailStencil.@Nullable Chunk[] chunks) {
	}

	/**
	 * What decides a digest's stencil. Digests that do not fit one (a heading not
	 * rendered, a link that is not a web link: its marker would be) are rendered in full.
	 */
	private record Shape(String cadence, boolean trending, LocalDate date, int count, long reasonless,
			DigestView.Sender sender, Brand brand) {

		static @Nullable Shape of(DigestView view, Brand brand) {
			List<DigestView.Item> items = view.papers();
			if (items.size() > Long.SIZE || !webLinks(view.links())) {
				return null;
			}
			long reasonless = 0;
			for (int i = 0; i < items.size(); i++) {
				DigestView.Item item = items.get(i);
				if (item.html() == null || item.text() == null || item.position() != i + 1
						|| !MailText.INSTANCE.isWebLink(item.moreUrl())
						|| !MailText.INSTANCE.isWebLink(item.lessUrl())) {
					return null;
				}
				if (item.reasons().isEmpty()) {
					reasonless |= 1L << i;
				}
			}
			return new Shape(view.cadence(), view.trending(), view.date(), items.size(), reasonless, view.sender(),
					brand);
		}

		private static boolean webLinks(DigestView.Links links) {
			return MailText.INSTANCE.isWebLink(links.manage()) && MailText.INSTANCE.isWebLink(links.unsubscribe())
					&& MailText.INSTANCE.isWebLink(links.view()) && MailText.INSTANCE.isWebLink(links.feed());
		}

	}

}
