package dev.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches the outbox's retries: the next_attempt_at of each digest waiting in RETRY, by
 * recipient and attempts so far (a retry waits 100 ms at least, the watch looks every 10
 * ms).
 */
final class RetryWatch {

	private final Map<String, Instant> nextAttempts = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean watching = true;

	private RetryWatch(JdbcClient jdbc) {
		this.thread = Thread.ofPlatform().daemon().name("retry-watch").start(() -> {
			while (this.watching) {
				jdbc.sql("""
						select s.email, d.attempts, d.next_attempt_at from digest d
						join subscriber s on s.id = d.subscriber_id where d.status = 'RETRY'
						""").query((rs) -> {
					this.nextAttempts.put(rs.getString(1) + "#" + rs.getInt(2), rs.getTimestamp(3).toInstant());
				});
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	static RetryWatch start(JdbcClient jdbc) {
		return new RetryWatch(jdbc);
	}

	void stop() {
		this.watching = false;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	Instant nextAttemptAt(String recipient, int attempts) {
		Instant at = this.nextAttempts.get(recipient + "#" + attempts);
		assertThat(at).as("a retry of %s after attempt %d was seen", recipient, attempts).isNotNull();
		return at;
	}

	Duration waitAfter(String recipient, int attempts, Instant failedAt) {
		return Duration.between(failedAt, nextAttemptAt(recipient, attempts));
	}

}
