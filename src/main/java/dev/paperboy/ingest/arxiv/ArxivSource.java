package dev.paperboy.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import dev.paperboy.ingest.FetchWindow;
import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.ingest.http.HttpFetcher;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * arXiv. Without a window it reads the daily listing feed of the configured categories
 * ({@code /atom/cs.AI+cs.LG}); with one it backfills those days through the query API. It
 * keeps to arXiv's terms: one request at a time, a configurable interval between requests
 * (3 seconds by default), and a descriptive User-Agent.
 */
@Component
class ArxivSource implements PaperSource {

	static final String NAME = "arxiv";

	private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final IngestProperties properties;

	private final IngestProperties.Arxiv config;

	private final HttpFetcher http;

	private final Clock clock = Clock.systemUTC();

	ArxivSource(IngestProperties properties) {
		this.properties = properties;
		this.config = properties.arxiv();
		this.http = new HttpFetcher(properties.http(), this.config.requestInterval());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean enabled() {
		return this.config.enabled();
	}

	@Override
	public String schedule() {
		return this.config.schedule();
	}

	@Override
	public String describe(@Nullable FetchWindow window) {
		String categories = String.join("+", this.config.categories());
		return (window != null) ? "query " + categories + " submitted " + window : "listing " + categories;
	}

	@Override
	public void fetch(@Nullable FetchWindow window, RecordSink sink) throws SourceException {
		RecordLimits limits = RecordLimits.of(this.properties, this.clock);
		if (window == null) {
			URI feed = this.config.feedUrl().resolve("/atom/" + String.join("+", this.config.categories()));
			byte[] body = this.http.get(feed, "application/atom+xml");
			AtomParser.Result result = new AtomParser(NAME, limits, this.config.includeReplacements())
				.parse(new ByteArrayInputStream(body), sink);
			if (result.skippedReplacements() > 0) {
				sink.note("skipped " + result.skippedReplacements() + " replacement announcements");
			}
			return;
		}
		backfill(window, new AtomParser(NAME, limits, true), sink);
	}

	private void backfill(FetchWindow window, AtomParser parser, RecordSink sink) throws SourceException {
		String categories = this.config.categories()
			.stream()
			.map((category) -> "cat:" + category)
			.collect(Collectors.joining(" OR "));
		String query = "(" + categories + ") AND submittedDate:[" + window.from().format(SUBMITTED) + "0000 TO "
				+ window.to().format(SUBMITTED) + "2359]";
		int start = 0;
		while (start < this.config.maxResults()) {
			int size = Math.min(this.config.pageSize(), this.config.maxResults() - start);
			URI uri = this.config.apiUrl()
				.resolve("/api/query?search_query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
						+ start + "&max_results=" + size + "&sortBy=submittedDate&sortOrder=ascending");
			AtomParser.Result result = parser
				.parse(new ByteArrayInputStream(this.http.get(uri, "application/atom+xml")), sink);
			start += result.entries();
			boolean exhausted = result.entries() < size
					|| (result.totalResults() != null && start >= result.totalResults());
			if (exhausted) {
				return;
			}
		}
		sink.note("stopped at " + this.config.maxResults() + " results (paperboy.ingest.arxiv.max-results)");
	}

}
