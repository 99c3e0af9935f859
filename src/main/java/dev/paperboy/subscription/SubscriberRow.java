package dev.paperboy.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber as a search lists it.
 *
 * @param id the id
 * @param email the address
 * @param status the state
 * @param interests their interests sentence
 * @param keywords their keywords
 * @param createdAt when they signed up
 * @param confirmedAt when they confirmed
 */
public record SubscriberRow(long id, String email, Subscriber.Status status, String interests, String keywords,
		Instant createdAt, @Nullable Instant confirmedAt) {

}
