package dev.paperboy.subscription;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets per client IP and per address for sign-up and resend. In memory, per
 * instance: with several replicas each allows the configured rate (a shared store is for
 * the deployment work).
 */
@Component
public class RateLimiter {

	// Past this many tracked clients the oldest buckets are dropped wholesale; an
	// attacker spraying addresses then meets fresh buckets, which the per-IP limit still
	// bounds.
	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final SubscriptionProperties.Limits limits;

	RateLimiter(SubscriptionProperties properties) {
		this.limits = properties.limits();
	}

	/**
	 * Takes one sign-up from the client's and the address's allowance.
	 * @param ip the client's address
	 * @param email the address signed up, if it is one
	 * @return empty when allowed, else how long to wait
	 */
	public Optional<Duration> trySignUp(String ip, Optional<EmailAddress> email) {
		Optional<Duration> wait = take("ip:" + ip, this::ipBucket);
		if (wait.isEmpty() && email.isPresent()) {
			wait = take("address:" + email.get().key(), this::addressBucket);
		}
		return wait;
	}

	private Optional<Duration> take(String key, Supplier<Bucket> bucket) {
		if (this.buckets.size() > MAX_TRACKED) {
			this.buckets.clear();
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(key, (k) -> bucket.get()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
	}

	private Bucket ipBucket() {
		return Bucket.builder()
			.addLimit(limit(this.limits.perIpPerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit(this.limits.perIpPerHour(), Duration.ofHours(1)))
			.build();
	}

	private Bucket addressBucket() {
		return Bucket.builder().addLimit(limit(this.limits.perAddressPerHour(), Duration.ofHours(1))).build();
	}

	private static Bandwidth limit(int capacity, Duration period) {
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

}
