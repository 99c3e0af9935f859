package dev.paperboy.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
	 * @param address an address
	 * @return its salted hash, as the list keeps it (bounce records keep it too)
	 */
	public String hash(String address) {
		return HexFormat.of()
			.formatHex(
					this.mac.get().doFinal(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
	}

}
