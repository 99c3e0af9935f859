package dev.paperboy.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

/**
 * How papers are fetched. Schedules are Spring cron expressions (six fields, seconds
 * first); {@code -} turns a schedule off while keeping the source available for manual
 * fetches.
 *
 * @param batchSize records written per statement
 * @param writers batches written at once during one run, each on its own connection
 * @param maxTitleLength longest title accepted, in characters
 * @param maxAbstractLength longest abstract accepted, in characters; longer records are
 * rejected with their length
 * @param maxRecordSize largest single record (one JSON Lines line) read from a file
 * @param maxRecordedRejections rejected records stored per run with their reasons; all
 * are counted
 * @param http how remote sources are called
 * @param huggingFace the Hugging Face Daily Papers source
 * @param arxiv the arXiv source
 * @param files the import directory source
 */
@ConfigurationProperties("paperboy.ingest")
@Validated
public record IngestProperties(@DefaultValue("500") @Min(1) @Max(5000) int batchSize,
		@DefaultValue("2") @Min(1) @Max(16) int writers, @DefaultValue("1000") @Min(10) int maxTitleLength,
		@DefaultValue("20000") @Min(100) int maxAbstractLength, @DefaultValue("1MB") DataSize maxRecordSize,
		@DefaultValue("10000") @Min(0) int maxRecordedRejections, @DefaultValue @Valid Http http,
		@DefaultValue @Valid HuggingFace huggingFace, @DefaultValue @Valid Arxiv arxiv,
		@DefaultValue @Valid Files files) {

	/**
	 * How remote sources are called.
	 *
	 * @param connectTimeout time to establish a connection
	 * @param readTimeout longest wait for any bytes of a response
	 * @param maxAttempts attempts per request, the first included
	 * @param initialBackoff wait before the second attempt; doubles each time
	 * @param maxBackoff longest wait between attempts
	 * @param maxRetryAfter longest Retry-After honoured; a server asking for more fails
	 * the request
	 * @param maxResponseSize largest response body read
	 * @param userAgent sent with every request
	 */
	public record Http(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
			@DefaultValue("4") @Min(1) @Max(20) int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
			@DefaultValue("1m") Duration maxBackoff, @DefaultValue("5m") Duration maxRetryAfter,
			@DefaultValue("50MB") DataSize maxResponseSize,
			@DefaultValue("Paperboy/0.1 (self-hosted research paper digest)") @NotBlank String userAgent) {

	}

	/**
	 * The Hugging Face Daily Papers JSON API.
	 *
	 * @param enabled whether the source runs at all
	 * @param baseUrl the API host
	 * @param schedule when to fetch
	 * @param daysBack days before today fetched again, for late additions and upvotes
	 * @param pageSize papers per request
	 * @param maxPages requests per day at most
	 */
	public record HuggingFace(@DefaultValue("true") boolean enabled,
			@DefaultValue("https://huggingface.co") URI baseUrl, @DefaultValue("0 20 * * * *") String schedule,
			@DefaultValue("2") @Min(0) @Max(60) int daysBack, @DefaultValue("100") @Min(1) @Max(100) int pageSize,
			@DefaultValue("20") @Min(1) int maxPages) {

	}

	/**
	 * arXiv: daily listing feeds, and the query API for backfills.
	 *
	 * @param enabled whether the source runs at all
	 * @param feedUrl the host of the listing feeds ({@code /atom/cs.AI+cs.LG})
	 * @param apiUrl the host of the query API ({@code /api/query})
	 * @param categories categories to follow
	 * @param schedule when to read the listing feeds
	 * @param requestInterval least time between two requests (arXiv asks for 3 seconds)
	 * @param includeReplacements whether "replace" announcements (new versions) are
	 * ingested
	 * @param pageSize results per query API request
	 * @param maxResults results per backfill at most
	 */
	public record Arxiv(@DefaultValue("true") boolean enabled, @DefaultValue("https://rss.arxiv.org") URI feedUrl,
			@DefaultValue("https://export.arxiv.org") URI apiUrl, @DefaultValue( {
					"cs.AI", "cs.CL", "cs.LG",
					"cs.CV" }) @NotEmpty List<@Pattern(regexp = "[a-zA-Z\\-]+(\\.[A-Za-z\\-]+)?") String> categories,
			@DefaultValue("0 30 5 * * *") String schedule, @DefaultValue("3s") Duration requestInterval,
			@DefaultValue("false") boolean includeReplacements, @DefaultValue("100") @Min(1) @Max(2000) int pageSize,
			@DefaultValue("5000") @Min(1) int maxResults){

	}

	/**
	 * An import directory: files dropped there are imported and moved to
	 * {@code imported/} or {@code failed/} beside them.
	 *
	 * @param directory the directory, or empty for none
	 * @param schedule when to look for new files
	 */
	public record Files(@Nullable Path directory, @DefaultValue("0 */5 * * * *") String schedule) {

	}

}
