package dev.paperboy.subscription;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose handling failed in digest is handed to it again by the next retry, not
 * only at the next start.
 */
@PaperboyTest
class FailedEventRetriesTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedHandlingIsRetriedAndCompletes(@Autowired SubscriptionService subscriptions,
			@Autowired FailedEventPublications failed, @Autowired CompletedEventPublications completed,
			@Autowired SubscriptionProperties properties) {
		DatabaseCleaner.clean(this.jdbc);
		long id = subscriptions.importActive(
				EmailAddress.parse("retry@example.org").orElseThrow(), new Profile("", "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 5),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		SubscriberEvents.awaitHandled(this.jdbc);
		// As if digest's listener had failed a while ago: no schedule, the publication
		// failed.
		this.jdbc.sql("delete from digest_schedule where subscriber_id = ?").param(id).update();
		assertThat(this.jdbc.sql("""
				update event_publication set status = 'FAILED', completion_date = null,
				    publication_date = now() - interval '1 hour'
				where listener_id like '%SubscriberSchedules%'""").update()).isEqualTo(1);

		new FailedEventRetries(failed, completed, properties).retry();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from digest_schedule where subscriber_id = ?")
				.param(id)
				.query(Long.class)
				.single() == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where status <> 'COMPLETED'")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void handledEventsAreDeletedOnceOlderThanTheRetention(@Autowired SubscriptionService subscriptions,
			@Autowired FailedEventPublications failed, @Autowired CompletedEventPublications completed,
			@Autowired SubscriptionProperties properties) {
		DatabaseCleaner.clean(this.jdbc);
		for (String address : List.of("old@example.org", "new@example.org")) {
			subscriptions.importActive(
					EmailAddress.parse(address).orElseThrow(), new Profile("", "", List.of(), List.of(),
							Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 5),
					List.of(), new ClientInfo("127.0.0.1", "test"));
		}
		SubscriberEvents.awaitHandled(this.jdbc);
		long handled = this.jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		assertThat(handled).isEqualTo(4);
		// The first subscriber's two publications were handled long ago.
		this.jdbc.sql("""
				update event_publication set completion_date = now() - interval '8 days'
				where id in (select id from event_publication order by publication_date limit 2)""").update();

		new FailedEventRetries(failed, completed, properties).purge();

		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(2);
		assertThat(
				this.jdbc.sql("select count(*) from event_publication where completion_date < now() - interval '1 day'")
					.query(Long.class)
					.single())
			.isZero();
	}

}
