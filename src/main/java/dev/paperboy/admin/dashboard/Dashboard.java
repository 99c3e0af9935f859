package dev.paperboy.admin.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.paperboy.admin.dashboard.DashboardFigures.Day;
import dev.paperboy.delivery.BounceStatistics;
import dev.paperboy.digest.DigestStatistics;
import dev.paperboy.ingest.FetchStatistics;
import dev.paperboy.matching.TextEmbedder;
import dev.paperboy.papers.PaperStatistics;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriberStatistics;

import org.springframework.stereotype.Service;

/**
 * Reads the dashboard's figures from each module's statistics: rollups and a few indexed
 * lookups, so the page costs the same with a million subscribers as with ten.
 */
@Service
class Dashboard {

	static final Set<Integer> RANGES = Set.of(7, 30, 90);

	static final int EMBEDDINGS_CAP = PaperStatistics.EMBEDDINGS_PENDING_CAP;

	private final SubscriberStatistics subscribers;

	private final DigestStatistics digests;

	private final BounceStatistics bounces;

	private final FetchStatistics fetches;

	private final PaperStatistics papers;

	private final TextEmbedder embedder;

	Dashboard(SubscriberStatistics subscribers, DigestStatistics digests, BounceStatistics bounces,
			FetchStatistics fetches, PaperStatistics papers, TextEmbedder embedder) {
		this.subscribers = subscribers;
		this.digests = digests;
		this.bounces = bounces;
		this.fetches = fetches;
		this.papers = papers;
		this.embedder = embedder;
	}

	DashboardFigures figures(int days) {
		if (!RANGES.contains(days)) {
			throw new IllegalArgumentException("days must be 7, 30 or 90");
		}
		Instant now = Instant.now();
		LocalDate to = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = to.minusDays(days - 1);
		// a year back, for the subscribers at the end of the last day before the range
		Map<LocalDate, SubscriberStatistics.Day> subscriberDays = new HashMap<>();
		long subscribed = 0;
		for (SubscriberStatistics.Day day : this.subscribers.days(from.minusDays(365), to)) {
			if (day.day().isBefore(from)) {
				subscribed = day.subscribed();
			}
			else {
				subscriberDays.put(day.day(), day);
			}
		}
		Map<LocalDate, DigestStatistics.Day> digestDays = new HashMap<>();
		this.digests.days(from, to).forEach((day) -> digestDays.put(day.day(), day));
		Map<LocalDate, BounceStatistics.Day> bounceDays = new HashMap<>();
		this.bounces.days(from, to).forEach((day) -> bounceDays.put(day.day(), day));
		List<FetchStatistics.SourceHealth> sources = this.fetches.health(now);
		Set<String> names = new TreeSet<>();
		sources.forEach((source) -> names.add(source.source()));
		Map<String, Long> added = new HashMap<>();
		for (FetchStatistics.SourceDay day : this.fetches.newPapers(from, to)) {
			names.add(day.source());
			added.put(day.source() + "|" + day.day(), day.added());
		}
		List<String> sourceNames = List.copyOf(names);

		List<Day> daily = new ArrayList<>();
		long subscribedAtRangeStart = -1;
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			SubscriberStatistics.Day s = subscriberDays.get(date);
			long confirmed = (s != null) ? s.confirmed() : 0;
			long unsubscribed = (s != null) ? s.unsubscribed() : 0;
			long atEnd = (s != null) ? s.subscribed() : subscribed;
			long atStart = atEnd - confirmed + unsubscribed;
			if (subscribedAtRangeStart < 0) {
				subscribedAtRangeStart = atStart;
			}
			subscribed = atEnd;
			DigestStatistics.Day d = digestDays.get(date);
			BounceStatistics.Day b = bounceDays.get(date);
			long sent = (d != null) ? d.sent() : 0;
			long bounced = (b != null) ? b.hard() + b.soft() : 0;
			long complaints = (b != null) ? b.complaints() : 0;
			List<Long> perSource = new ArrayList<>();
			for (String name : sourceNames) {
				perSource.add(added.getOrDefault(name + "|" + date, 0L));
			}
			daily.add(new Day(date, confirmed, unsubscribed, atStart, perSource, sent, (d != null) ? d.failed() : 0,
					(d != null) ? d.skipped() : 0, (d != null) ? d.suppressed() : 0, bounced, complaints,
					Day.rate(bounced, sent), Day.rate(complaints, sent), Day.rate(unsubscribed, atStart),
					(s != null) ? s.moreLikeThis() : 0, (s != null) ? s.lessLikeThis() : 0));
		}

		Map<String, Long> byState = new LinkedHashMap<>();
		for (Map.Entry<Subscriber.Status, Long> state : this.subscribers.byState().entrySet()) {
			byState.put(state.getKey().name(), state.getValue());
		}
		DigestStatistics.NextDigests next = this.digests.next(now);
		return new DashboardFigures(days, from, to, now, byState,
				this.papers.embeddingsPending(this.embedder.model(), EMBEDDINGS_CAP), EMBEDDINGS_CAP, next.first(),
				next.withinHour(), sources, sourceNames, daily,
				totals(to, daily, subscribedAtRangeStart, sourceNames.size()));
	}

	private static Day totals(LocalDate to, List<Day> daily, long subscribedAtStart, int sources) {
		long confirmed = 0, lost = 0, sent = 0, failed = 0, skipped = 0, suppressed = 0, bounced = 0, complaints = 0,
				more = 0, less = 0;
		long[] perSource = new long[sources];
		for (Day day : daily) {
			confirmed += day.newSubscribers();
			lost += day.lostSubscribers();
			sent += day.digestsSent();
			failed += day.digestsFailed();
			skipped += day.digestsSkipped();
			suppressed += day.digestsSuppressed();
			bounced += day.bounces();
			complaints += day.complaints();
			more += day.moreLikeThis();
			less += day.lessLikeThis();
			for (int i = 0; i < sources; i++) {
				perSource[i] += day.papersPerSource().get(i);
			}
		}
		List<Long> papers = new ArrayList<>();
		for (long count : perSource) {
			papers.add(count);
		}
		return new Day(to, confirmed, lost, subscribedAtStart, papers, sent, failed, skipped, suppressed, bounced,
				complaints, Day.rate(bounced, sent), Day.rate(complaints, sent), Day.rate(lost, subscribedAtStart),
				more, less);
	}

}
