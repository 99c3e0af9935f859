package dev.paperboy.digest.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.MailSample;
import dev.paperboy.subscription.SubscriptionProperties;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A digest of three made-up papers, for the branding preview. Its papers' headings are
 * left to the templates, so they show the branding previewed.
 */
@Component
@Order(1)
class DigestSample implements MailSample {

	private final DigestRenderer renderer;

	private final SubscriptionProperties site;

	DigestSample(DigestRenderer renderer, SubscriptionProperties site) {
		this.renderer = renderer;
		this.site = site;
	}

	@Override
	public String template() {
		return "digest";
	}

	@Override
	public String label() {
		return "Digest";
	}

	@Override
	public Map<String, Object> variables(Brand brand) {
		String more = this.site.link("/feedback/sample?vote=more");
		String less = this.site.link("/feedback/sample?vote=less");
		List<DigestView.Item> items = List.of(
				new DigestView.Item(1, "2611.00001", "Sparse attention at the scale of whole libraries",
						"https://arxiv.org/abs/2611.00001", "Ada Lovelace, Alan Turing, Grace Hopper et al.",
						"A retrieval layer that reads a million documents in the time of a thousand.", 152,
						"https://arxiv.org/pdf/2611.00001", "https://github.com/example/sparse",
						List.of("matches your keyword 'attention'"), more, less),
				new DigestView.Item(2, "2611.00002", "Teaching small models to check their own proofs",
						"https://arxiv.org/abs/2611.00002", "Emmy Noether, Kurt Gödel",
						"Self-verification lifts a 1B model's proof accuracy by twelve points.", 47,
						"https://arxiv.org/pdf/2611.00002", null, List.of("by Emmy Noether, whom you follow"), more,
						less),
				new DigestView.Item(3, "2611.00003", "A benchmark of benchmarks", "https://arxiv.org/abs/2611.00003",
						"Katherine Johnson", "How often do leaderboard gains survive a fresh test set?", null, null,
						null, List.of(), more, less));
		DigestView.Links links = new DigestView.Links(this.site.link("/manage/sample"),
				this.site.link("/unsubscribe/sample"), this.site.link("/digests/sample"),
				this.site.link("/feed/sample"));
		return Map.of("digest", new DigestView("reader@example.org", LocalDate.of(2026, 11, 23), "daily", false, items,
				links, this.renderer.sender(brand)), "brand", brand);
	}

}
