package dev.paperboy.delivery.bounce;

import java.util.regex.Pattern;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.Suppressions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounces and complaints, from the SMTP conversation or a provider's webhook, turned into
 * suppression: a hard bounce or a complaint suppresses the address at once, soft bounces
 * when enough arrive within the window. Addresses are kept only as the suppression list's
 * salted hash, and any address quoted in a detail is masked.
 */
@Service
@Transactional
public class Bounces {

	private static final Logger log = LoggerFactory.getLogger(Bounces.class);

	private static final int MAX_DETAIL_LENGTH = 200;

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]@]+@[^\\s<>\"'(),;:\\[\\]@]+");

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");

	/** What happened to a message. */
	public enum Kind {

		/** The address does not exist or never accepts mail. */
		HARD,
		/** A temporary failure: a full mailbox, a server that is down, a block. */
		SOFT,
		/** The recipient reported the message as spam. */
		COMPLAINT

	}

	private final BounceEvents events;

	private final Suppressions suppressions;

	private final DeliveryProperties.BounceSettings settings;

	Bounces(BounceEvents events, Suppressions suppressions, DeliveryProperties properties) {
		this.events = events;
		this.suppressions = suppressions;
		this.settings = properties.bounces();
	}

	public void hardBounce(String address, @Nullable String detail) {
		record("smtp", null, Kind.HARD, address, detail);
	}

	public void softBounce(String address, @Nullable String detail) {
		record("smtp", null, Kind.SOFT, address, detail);
	}

	public void complaint(String address, @Nullable String detail) {
		record("smtp", null, Kind.COMPLAINT, address, detail);
	}

	/**
	 * Records a bounce or complaint and suppresses the address when it must be.
	 * @param provider who reported it ({@code smtp}, {@code ses}, ...)
	 * @param eventId the provider's id of the event, or null; an event already recorded
	 * with the same id for the same address changes nothing
	 * @param kind what happened
	 * @param address the recipient's address
	 * @param detail the provider's explanation, or null
	 * @return false when the event had been recorded before
	 */
	public boolean record(String provider, @Nullable String eventId, Kind kind, String address,
			@Nullable String detail) {
		String hash = this.suppressions.hash(address);
		String cleanDetail = clean(detail);
		if (!this.events.add(provider, eventId, kind, hash, cleanDetail)) {
			log.info("Ignored a repeated {} {} event for address {}", provider, kind, shortHash(hash));
			return false;
		}
		String outcome = switch (kind) {
			case HARD -> suppress(address, "hard bounce (" + provider + ")", cleanDetail);
			case COMPLAINT -> suppress(address, "complaint (" + provider + ")", cleanDetail);
			case SOFT -> countSoftBounce(address, hash, provider, cleanDetail);
		};
		log.info("{} from {} for address {}: {}", kind, provider, shortHash(hash), outcome);
		return true;
	}

	private String countSoftBounce(String address, String hash, String provider, String detail) {
		int bounces = this.events.countSoftBounce(hash, this.settings.softBounceWindow());
		if (bounces < this.settings.softBounceLimit()) {
			return "soft bounce " + bounces + " of " + this.settings.softBounceLimit();
		}
		this.events.forgetSoftBounces(hash);
		return suppress(address, bounces + " soft bounces within " + this.settings.softBounceWindow().toDays()
				+ " days (" + provider + ")", detail);
	}

	private String suppress(String address, String why, String detail) {
		this.suppressions.suppress(address, detail.isEmpty() ? why : why + ": " + detail);
		return "suppressed";
	}

	/**
	 * One line without control characters, addresses masked, at most 200 characters.
	 * @param detail a provider's explanation
	 * @return the detail to store
	 */
	static String clean(@Nullable String detail) {
		if (detail == null) {
			return "";
		}
		String clean = SPACES.matcher(ADDRESS.matcher(detail).replaceAll("(address)")).replaceAll(" ").strip();
		if (clean.length() <= MAX_DETAIL_LENGTH) {
			return clean;
		}
		int end = MAX_DETAIL_LENGTH - 3;
		return clean.substring(0, Character.isHighSurrogate(clean.charAt(end - 1)) ? end - 1 : end) + "...";
	}

	private static String shortHash(String hash) {
		return hash.substring(0, 12);
	}

}
