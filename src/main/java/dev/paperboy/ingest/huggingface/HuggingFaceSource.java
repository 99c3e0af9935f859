package dev.paperboy.ingest.huggingface;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 * Hugging Face Daily Papers: {@code /api/daily_papers?date=&limit=&p=} for today and the
 * previous days, so late additions and upvote changes are picked up. Each day is paged
 * until a page comes back short. A day that fails does not stop the other days; the run
 * fails naming it.
 */
@Component
class HuggingFaceSource implements PaperSource {

	static final String NAME = "huggingface";

	private final IngestProperties properties;

	private final IngestProperties.HuggingFace config;

	private final HttpFetcher http;

	private final Clock clock = Clock.systemUTC();

	HuggingFaceSource(IngestProperties properties) {
		this.properties = properties;
		this.config = properties.huggingFace();
		this.http = new HttpFetcher(properties.http(), Duration.ZERO);
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
		return "days " + window(window);
	}

	@Override
	public void fetch(@Nullable FetchWindow window, RecordSink sink) throws SourceException {
		HuggingFaceParser parser = new HuggingFaceParser(NAME, RecordLimits.of(this.properties, this.clock));
		List<String> failures = new ArrayList<>();
		for (LocalDate day : window(window).daysNewestFirst()) {
			try {
				fetchDay(day, parser, sink);
			}
			catch (SourceException ex) {
				failures.add(day + ": " + ex.getMessage());
			}
		}
		if (!failures.isEmpty()) {
			throw new SourceException(String.join("; ", failures));
		}
	}

	private void fetchDay(LocalDate day, HuggingFaceParser parser, RecordSink sink) throws SourceException {
		for (int page = 0; page < this.config.maxPages(); page++) {
			URI uri = this.config.baseUrl()
				.resolve("/api/daily_papers?date=" + day + "&limit=" + this.config.pageSize() + "&p=" + page);
			byte[] body = this.http.get(uri, "application/json");
			int items = parser.parse(new ByteArrayInputStream(body), sink);
			if (items < this.config.pageSize()) {
				return;
			}
		}
		sink.note(day + ": stopped after " + this.config.maxPages() + " pages");
	}

	private FetchWindow window(@Nullable FetchWindow window) {
		if (window != null) {
			return window;
		}
		LocalDate today = LocalDate.now(this.clock);
		return new FetchWindow(today.minusDays(this.config.daysBack()), today);
	}

}
