package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.SubscriberEvents;
import dev.paperboy.digest.render.DigestRenderer;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Digests due for sending, made the way the service makes them: trending papers,
 * subscribers without interests (so each gets the trending papers), and the scheduler run
 * a day later, when their first digest is due.
 */
final class DueDigests {

	private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	private DueDigests() {
	}

	static void papers(PaperCatalog catalog, PaperEmbedder embedder) {
		List<PaperRecord> papers = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String id = "2601.0000" + i;
			papers.add(new PaperRecord("huggingface", id, "Trending paper number " + i,
					"An abstract about result number " + i + ".", List.of("Ada Lovelace"), List.of(),
					PaperLinks.forArxiv(id), null, null, 100 - i, 0, List.of(), null));
		}
		catalog.save(papers);
		embedder.embedAll();
	}

	/** Subscribes {@code name-1@example.org} to {@code name-COUNT@example.org}. */
	static List<String> subscribe(SubscriptionService subscriptions, String name, int count) {
		List<String> addresses = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String address = name + "-" + i + "@example.org";
			subscriptions.importActive(EmailAddress.parse(address).orElseThrow(), new Profile("", "", List.of(),
					List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3), List.of(), CLIENT);
			addresses.add(address);
		}
		return addresses;
	}

	/**
	 * Waits for digest to schedule every subscriber (from subscription's events), then
	 * composes their digests as they fall due.
	 */
	static DigestScheduler.Run compose(DigestScheduler scheduler, JdbcClient jdbc) {
		SubscriberEvents.awaitHandled(jdbc);
		Instant now = Instant.now();
		scheduler.run(now);
		return scheduler.run(now.plus(Duration.ofDays(1)));
	}

	/** The Message-ID of each subscriber's digest, by address. */
	static Map<String, String> messageIds(JdbcClient jdbc, DigestRenderer renderer) {
		Map<String, String> ids = new HashMap<>();
		jdbc.sql("select s.email, d.id from digest d join subscriber s on s.id = d.subscriber_id").query((rs) -> {
			ids.put(rs.getString(1), renderer.messageId(rs.getLong(2)));
		});
		return ids;
	}

}
