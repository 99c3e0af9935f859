package dev.paperboy.matching;

import java.time.Instant;
import java.util.Set;

import dev.paperboy.papers.PaperLinks;
import dev.paperboy.subscription.DigestPreview;
import dev.paperboy.subscription.Subscriber;

import org.springframework.stereotype.Component;

/**
 * The preference centre's preview, from the matcher.
 */
@Component
class MatcherPreview implements DigestPreview {

	private final Matcher matcher;

	MatcherPreview(Matcher matcher) {
		this.matcher = matcher;
	}

	@Override
	public Preview preview(Subscriber subscriber) {
		Selection selection = this.matcher.select(subscriber.profile(), Set.of(), Instant.now());
		return new Preview(selection.papers().stream().map((match) -> {
			PaperLinks links = match.paper().links();
			String url = (links.huggingFace() != null) ? links.huggingFace() : links.arxiv();
			return new Item(match.title(), url, match.reasons());
		}).toList(), selection.trending());
	}

}
