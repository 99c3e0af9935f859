package dev.paperboy.admin.papers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.paperboy.digest.DeliveryRuns;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperEntry;
import dev.paperboy.papers.PaperQuery;
import dev.paperboy.papers.Popularity;
import dev.paperboy.subscription.PaperFeedback;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A paper's detail from three modules: the catalog's metadata and popularity, digest's
 * count of subscribers it was sent to, and subscription's feedback on it.
 */
@Component
class PaperDetails {

	/** Sent counts stop here: a page view does not count a million digests. */
	static final long SENT_CAP = 100_000;

	static final int PAGE_SIZE = 25;

	private final PaperCatalog catalog;

	private final DeliveryRuns deliveries;

	private final PaperFeedback feedback;

	PaperDetails(PaperCatalog catalog, DeliveryRuns deliveries, PaperFeedback feedback) {
		this.catalog = catalog;
		this.deliveries = deliveries;
		this.feedback = feedback;
	}

	Optional<PaperDetail> detail(long id) {
		return this.catalog.entry(id).map((entry) -> {
			long sent = this.deliveries.sentTo(id, SENT_CAP + 1);
			return new PaperDetail(entry, this.catalog.popularity(entry.paper().key()), Math.min(sent, SENT_CAP),
					sent > SENT_CAP, this.feedback.votes(entry.paper().key()));
		});
	}

	/** The search's parameters, checked; a bad one is a 400 with its reason. */
	static PaperQuery query(@Nullable String q, @Nullable String source, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Integer minUpvotes, int page, int limit) {
		if (q != null && q.length() > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q must be at most 500 characters");
		}
		if (source != null && source.length() > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "source must be at most 100 characters");
		}
		try {
			return new PaperQuery(q, from, to, limit, page, source, minUpvotes);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	/**
	 * A paper with what happened to it.
	 *
	 * @param entry the paper, its id and whether it is hidden
	 * @param popularity its daily upvotes, oldest first
	 * @param sentTo subscribers it was sent to (at most {@link #SENT_CAP})
	 * @param sentToMore whether there are more than that
	 * @param feedback their "more / less like this" votes
	 */
	record PaperDetail(PaperEntry entry, List<Popularity> popularity, long sentTo, boolean sentToMore,
			PaperFeedback.Votes feedback) {

	}

}
