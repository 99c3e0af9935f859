package dev.paperboy.digest;

import java.sql.Timestamp;
import java.time.Instant;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.subscription.SubscriptionService;
import dev.paperboy.subscription.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code first-digest-on-confirm}, a confirmation makes the subscriber's first
 * digest due at once: the scheduler's next run composes it.
 */
@PaperboyTest
@TestPropertySource(properties = "paperboy.digest.first-digest-on-confirm=true")
class FirstDigestOnConfirmTests {

	@Test
	void theConfirmationMakesTheFirstDigestDueAndTheNextRunComposesIt(@Autowired SubscriptionService subscriptions,
			@Autowired Tokens tokens, @Autowired JdbcClient jdbc, @Autowired DigestScheduler scheduler,
			@Autowired PaperCatalog catalog, @Autowired PaperEmbedder embedder) {
		DatabaseCleaner.clean(jdbc);
		DueDigests.papers(catalog, embedder);
		long id = SubscriberEventTests.confirmedSignUp(subscriptions, tokens, jdbc, "first@example.org");
		SubscriberEvents.awaitHandled(jdbc);

		Instant due = jdbc.sql("select next_due_at from digest_schedule where subscriber_id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(due).isBefore(Instant.now());
		DigestScheduler.Run run = scheduler.run();
		assertThat(run.queued() + run.skipped()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from digest where subscriber_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select next_due_at from digest_schedule where subscriber_id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant()).as("the next one at the subscriber's hour").isAfter(Instant.now());
	}

}
