package dev.paperboy;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Waits for the listeners of subscription's events (digest's schedules, matching's
 * interest vectors), which run asynchronously after the change commits.
 */
public final class SubscriberEvents {

	/** Publications still to be handled (a failed one is not waited for). */
	static final String OUTSTANDING = """
			select count(*) from event_publication
			where completion_date is null and (status is null or status <> 'FAILED')""";

	private SubscriberEvents() {
	}

	/** Returns once every event published so far has been handled. */
	public static void awaitHandled(JdbcClient jdbc) {
		if (!jdbc.sql("select to_regclass('event_publication') is not null").query(Boolean.class).single()) {
			return;
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql(OUTSTANDING).query(Long.class).single() == 0);
	}

}
