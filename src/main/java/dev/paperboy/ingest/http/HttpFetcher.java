package dev.paperboy.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.SourceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs documents from a remote source. Connect and read timeouts are always set;
 * timeouts, resets, truncated bodies, 5xx and 429 are retried a bounded number of times
 * with exponential backoff and jitter, honouring Retry-After. A fetcher made with a
 * minimum interval sends one request at a time, spaced by that interval (arXiv's terms).
 */
public final class HttpFetcher {

	private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

	private final IngestProperties.Http properties;

	private final Duration minInterval;

	private final ReentrantLock lock = new ReentrantLock(true);

	private long lastRequestNanos;

	public HttpFetcher(IngestProperties.Http properties, Duration minInterval) {
		this.properties = properties;
		this.minInterval = minInterval;
	}

	/**
	 * GETs a document.
	 * @param uri where
	 * @param accept the Accept header
	 * @return the body of a 200 response
	 * @throws SourceException when every attempt failed, or the answer is not retryable
	 */
	public byte[] get(URI uri, String accept) throws SourceException {
		String failure = null;
		for (int attempt = 1;; attempt++) {
			Duration wait;
			try {
				return attempt(uri, accept);
			}
			catch (RetryableException ex) {
				failure = ex.getMessage();
				wait = (ex.retryAfter != null) ? ex.retryAfter : backoff(attempt);
			}
			catch (IOException ex) {
				failure = describe(ex);
				wait = backoff(attempt);
			}
			if (attempt >= this.properties.maxAttempts()) {
				throw new SourceException("gave up on " + uri + " after " + attempt + " attempt"
						+ ((attempt > 1) ? "s" : "") + ": " + failure);
			}
			if (wait.compareTo(this.properties.maxRetryAfter()) > 0) {
				throw new SourceException(uri + " asked to retry after " + wait.toSeconds() + " s, more than the "
						+ this.properties.maxRetryAfter().toSeconds() + " s allowed: " + failure);
			}
			log.info("{} failed ({}); attempt {} of {} in {} ms", uri, failure, attempt + 1,
					this.properties.maxAttempts(), wait.toMillis());
			pause(wait);
		}
	}

	private byte[] attempt(URI uri, String accept) throws IOException, SourceException {
		this.lock.lock();
		try {
			spaceRequests();
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			try {
				connection.setConnectTimeout((int) this.properties.connectTimeout().toMillis());
				connection.setReadTimeout((int) this.properties.readTimeout().toMillis());
				connection.setUseCaches(false);
				connection.setRequestProperty("User-Agent", this.properties.userAgent());
				connection.setRequestProperty("Accept", accept);
				int status = connection.getResponseCode();
				if (status == 200) {
					return body(connection);
				}
				String detail = "HTTP " + status + excerpt(connection);
				if (status == 429 || status == 408 || status >= 500) {
					throw new RetryableException(detail, retryAfter(connection.getHeaderField("Retry-After")));
				}
				throw new SourceException(uri + " answered " + detail);
			}
			finally {
				connection.disconnect();
			}
		}
		finally {
			this.lastRequestNanos = System.nanoTime();
			this.lock.unlock();
		}
	}

	private void spaceRequests() throws SourceException {
		if (this.lastRequestNanos == 0 || this.minInterval.isZero()) {
			return;
		}
		long waitNanos = this.minInterval.toNanos() - (System.nanoTime() - this.lastRequestNanos);
		if (waitNanos > 0) {
			pause(Duration.ofNanos(waitNanos));
		}
	}

	private byte[] body(HttpURLConnection connection) throws IOException, SourceException {
		long limit = this.properties.maxResponseSize().toBytes();
		long expected = connection.getContentLengthLong();
		if (expected > limit) {
			throw new SourceException("response of " + expected + " bytes is over the limit of " + limit);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((expected > 0) ? (int) expected : 8192);
		try (InputStream in = connection.getInputStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				if (out.size() > limit) {
					throw new SourceException("response is over the limit of " + limit + " bytes");
				}
			}
		}
		if (expected >= 0 && out.size() != expected) {
			throw new IOException("truncated body: " + out.size() + " of " + expected + " bytes");
		}
		return out.toByteArray();
	}

	private static String excerpt(HttpURLConnection connection) {
		try (InputStream error = connection.getErrorStream()) {
			if (error == null) {
				return "";
			}
			String text = new String(error.readNBytes(200), StandardCharsets.UTF_8).strip();
			text = text.replaceAll("[\\p{Cntrl}\\s]+", " ");
			return text.isEmpty() ? "" : ": " + text;
		}
		catch (IOException ex) {
			return "";
		}
	}

	private Duration backoff(int attempt) {
		long base = this.properties.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, this.properties.maxBackoff().toMillis());
		// Up to 20% jitter, so that many clients retrying do not retry in step.
		long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
		return Duration.ofMillis(capped - jitter);
	}

	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			// an HTTP-date, below
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private void pause(Duration wait) throws SourceException {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SourceException("interrupted while waiting to retry");
		}
	}

	private static String describe(IOException ex) {
		if (ex instanceof SocketTimeoutException) {
			return "timed out: " + ex.getMessage();
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message.toLowerCase(Locale.ROOT) : "");
	}

	private static final class RetryableException extends IOException {

		private final @Nullable Duration retryAfter;

		RetryableException(String message, @Nullable Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}

	}

}
