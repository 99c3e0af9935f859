package dev.paperboy.matching;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.paperboy.SqlArrays;
import dev.paperboy.subscription.Subscriber;
import dev.paperboy.subscription.SubscriberEvent;
import dev.paperboy.subscription.SubscriptionService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The vector of each subscriber's interests sentence, stored when the sentence changes
 * (from subscription's events, durably: an event a crash interrupted is handled again at
 * the next start) so that ranking a page of subscribers reads vectors instead of running
 * the model. A vector that is missing or stale when it is needed is computed on the spot
 * and stored. An erased subscriber's vector is deleted.
 */
@Component
class ProfileVectors {

	private final JdbcClient jdbc;

	private final TextEmbedder embedder;

	private final SubscriptionService subscriptions;

	ProfileVectors(JdbcClient jdbc, TextEmbedder embedder, SubscriptionService subscriptions) {
		this.jdbc = jdbc;
		this.embedder = embedder;
		this.subscriptions = subscriptions;
	}

	/**
	 * @param subscribers subscribers
	 * @return the vector of each one's interests, for those who wrote any
	 */
	Map<Long, float[]> vectors(List<Subscriber> subscribers) {
		List<Subscriber> writing = subscribers.stream()
			.filter((subscriber) -> !subscriber.profile().interests().isBlank())
			.toList();
		Map<Long, float[]> vectors = stored(writing);
		vectors.putAll(embed(writing.stream().filter((subscriber) -> !vectors.containsKey(subscriber.id())).toList()));
		return vectors;
	}

	/**
	 * Embeds the interests of a subscriber whose profile or status changed, reading them
	 * as they are now (events may come late or twice), or deletes the vector of one who
	 * was erased.
	 * @param event what happened
	 */
	@ApplicationModuleListener
	void on(SubscriberEvent event) {
		if (event instanceof SubscriberEvent.Erased) {
			// profile_embedding_pkey
			this.jdbc.sql("delete from profile_embedding where subscriber_id = :id")
				.param("id", event.subscriberId())
				.update();
			return;
		}
		List<Subscriber> writing = this.subscriptions.find(List.of(event.subscriberId()))
			.stream()
			.filter((subscriber) -> subscriber.status() == Subscriber.Status.ACTIVE
					|| subscriber.status() == Subscriber.Status.PAUSED)
			.filter((subscriber) -> !subscriber.profile().interests().isBlank())
			.toList();
		Map<Long, float[]> stored = stored(writing);
		embed(writing.stream().filter((subscriber) -> !stored.containsKey(subscriber.id())).toList());
	}

	// The stored vectors that are up to date with the subscribers' interests.
	private Map<Long, float[]> stored(List<Subscriber> subscribers) {
		Map<Long, String> hashes = new HashMap<>();
		subscribers.forEach((subscriber) -> hashes.put(subscriber.id(), hash(subscriber.profile().interests())));
		Map<Long, float[]> vectors = new HashMap<>();
		if (hashes.isEmpty()) {
			return vectors;
		}
		this.jdbc.sql("""
				select subscriber_id, text_hash, vector from profile_embedding
				where subscriber_id = any(cast(:ids as bigint[])) and model = :model
				""")
			.param("ids", SqlArrays.bigints(hashes.keySet()))
			.param("model", this.embedder.model())
			.query((rs) -> {
				long id = rs.getLong(1);
				if (rs.getString(2).equals(hashes.get(id))) {
					vectors.put(id, decode(rs.getBytes(3)));
				}
			});
		return vectors;
	}

	private Map<Long, float[]> embed(List<Subscriber> subscribers) {
		Map<Long, float[]> vectors = new HashMap<>();
		if (subscribers.isEmpty()) {
			return vectors;
		}
		List<String> texts = subscribers.stream().map((subscriber) -> subscriber.profile().interests()).toList();
		List<float[]> embedded = new ArrayList<>();
		for (int from = 0; from < texts.size(); from += 32) {
			embedded.addAll(this.embedder.embed(texts.subList(from, Math.min(texts.size(), from + 32))));
		}
		for (int i = 0; i < subscribers.size(); i++) {
			Subscriber subscriber = subscribers.get(i);
			vectors.put(subscriber.id(), embedded.get(i));
			store(subscriber.id(), hash(subscriber.profile().interests()), embedded.get(i));
		}
		return vectors;
	}

	// A vector stored for a subscriber erased meanwhile (a composition ranking them as
	// the erasure committed) is never read: nobody asks for that subscriber's vector.
	void store(long subscriberId, String textHash, float[] vector) {
		// profile_embedding_pkey
		this.jdbc
			.sql("""
					insert into profile_embedding (subscriber_id, model, text_hash, vector)
					values (:id, :model, :hash, :vector)
					on conflict (subscriber_id) do update
					    set model = excluded.model, text_hash = excluded.text_hash, vector = excluded.vector, created_at = now()
					""")
			.param("id", subscriberId)
			.param("model", this.embedder.model())
			.param("hash", textHash)
			.param("vector", encode(vector))
			.update();
	}

	static String hash(String interests) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(interests.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return buffer.array();
	}

	static float[] decode(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[bytes.length / 4];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = buffer.getFloat();
		}
		return vector;
	}

}
