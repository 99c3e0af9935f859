package dev.paperboy.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Addresses that must never be mailed again. Only a salted hash of each address is kept,
 * so the list holds no personal data and still stops every future message to it.
 */
@Service
public class Suppressions {

	private final SuppressionList list;

	private final ThreadLocal<Mac> mac;

	Suppressions(SuppressionList list, DeliveryProperties properties) {
		this.list = list;
		SecretKeySpec salt = new SecretKeySpec(properties.suppressionSalt().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		// keyed once per thread; doFinal resets it for the next address
		this.mac = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(salt);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public boolean isSuppressed(String address) {
		return this.list.contains(hash(address));
	}

	/**
	 * The suppressed ones among some addresses, in one query.
	 * @param addresses the addresses
	 * @return those of them that are suppressed, as given
	 */
	public Set<String> suppressed(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Set.of();
		}
		Map<String, String> byHash = new HashMap<>();
		for (String address : addresses) {
			byHash.put(hash(address), address);
		}
		return this.list.listed(byHash);
	}

	/**
	 * Suppresses an address, and drops the one-off emails queued for it; suppressing it
	 * again changes nothing.
	 * @param address the address
	 * @param reason why (erased, hard bounce, complaint, ...)
	 */
	public void suppress(String address, String reason) {
		this.list.add(hash(address), address, reason);
	}

	/**
	 * One entry of the list.
	 *
	 * @param hash the address's salted hash (the address itself is not kept)
	 * @param reason why it is suppressed
	 * @param createdAt since when
	 */
	public record Entry(String hash, String reason, Instant createdAt) {
	}

	/**
	 * A page of the list, newest first.
	 *
	 * @param entries the entries
	 * @param next the cursor of the next (older) page, or null at the end
	 */
	public record Page(List<Entry> entries, @Nullable String next) {
	}

	/**
	 * A change of the list, as recorded.
	 *
	 * @param action {@code ADD} or {@code REMOVE}
	 * @param reason why
	 * @param actor who
	 * @param at when
	 */
	public record Change(String action, String reason, String actor, Instant at) {
	}

	/**
	 * A search or change the list cannot do, with what is wrong.
	 */
	public static class InvalidInput extends RuntimeException {

		private final String field;

		public InvalidInput(String field, String message) {
			super(field + " " + message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/**
	 * Lists the suppressions, newest first, or finds one: the list keeps only hashes, so
	 * a search is for a whole address (hashed the same way) or a hash, never part of one.
	 * @param query an address, a hash, or blank for all
	 * @param cursor a page's {@link Page#next()}, or null for the first page
	 * @param size entries per page
	 * @return the page
	 * @throws InvalidInput for a query that is neither an address nor a hash, or a bad
	 * cursor
	 */
	public Page page(@Nullable String query, @Nullable String cursor, int size) {
		if (query != null && !query.isBlank()) {
			String hash = hashOf(query);
			return new Page(this.list.find(hash).map(List::of).orElse(List.of()), null);
		}
		return this.list.page(cursor, Math.clamp(size, 1, 200));
	}

	/**
	 * Suppresses an address by hand, recording who did it and why.
	 * @param address the address
	 * @param reason why
	 * @param actor who
	 * @return the entry's hash
	 * @throws InvalidInput for an address or reason that cannot be used
	 */
	public String add(String address, String reason, String actor) {
		String checked = address(address);
		String why = reason(reason);
		String hash = hash(checked);
		suppress(checked, why);
		this.list.record(hash, "ADD", why, actor);
		return hash;
	}

	/**
	 * Takes an address off the list, with its soft bounce count, recording who did it and
	 * why; mail may reach it again.
	 * @param addressOrHash the address, or its hash as the list shows it
	 * @param reason why
	 * @param actor who
	 * @return whether it was on the list
	 * @throws InvalidInput for a key or reason that cannot be used
	 */
	public boolean remove(String addressOrHash, String reason, String actor) {
		String hash = hashOf(addressOrHash);
		String why = reason(reason);
		boolean removed = this.list.remove(hash);
		if (removed) {
			this.list.record(hash, "REMOVE", why, actor);
		}
		return removed;
	}

	/**
	 * @param hash an entry's hash
	 * @return the recorded additions and removals of it, newest first
	 */
	public List<Change> changes(String hash) {
		return this.list.changes(hash);
	}

	// An address is hashed; a hash is taken as it is
	private String hashOf(String key) {
		String value = key.strip();
		if (value.matches("[0-9a-fA-F]{64}")) {
			return value.toLowerCase(Locale.ROOT);
		}
		return hash(address(value));
	}

	private static String address(@Nullable String address) {
		String value = (address != null) ? address.strip() : "";
		int at = value.lastIndexOf('@');
		if (value.length() > 254 || at < 1 || at == value.length() - 1
				|| value.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new InvalidInput("address", "must be a whole email address (or an entry's 64-character hash)");
		}
		return value;
	}

	private static String reason(@Nullable String reason) {
		String value = (reason != null) ? reason.strip() : "";
		if (value.isEmpty() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("reason", "must be one line of 1 to 200 characters");
		}
		return value;
	}

	/**
	 * @param address an address
	 * @return its salted hash, as the list keeps it (bounce records keep it too)
	 */
	public String hash(String address) {
		return HexFormat.of()
			.formatHex(
					this.mac.get().doFinal(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
	}

}
