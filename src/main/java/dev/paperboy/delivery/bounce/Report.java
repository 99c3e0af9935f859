package dev.paperboy.delivery.bounce;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One bounce or complaint a provider reported for one address, read and checked before
 * anything of the request is recorded.
 *
 * @param eventId the provider's id of the event, or null
 * @param kind what happened
 * @param address the recipient
 * @param detail the provider's explanation, possibly empty
 */
record Report(@Nullable String eventId, Bounces.Kind kind, String address, String detail) {

	private static final Pattern BRACKETED = Pattern.compile(".*<([^<>]+)>\\s*");

	/**
	 * The address in what a provider reports as the recipient: bare, or in angle
	 * brackets.
	 * @param reported the reported recipient
	 * @return the address, or null when it is not one
	 */
	static @Nullable String address(String reported) {
		Matcher bracketed = BRACKETED.matcher(reported);
		String address = (bracketed.matches() ? bracketed.group(1) : reported).strip();
		int at = address.lastIndexOf('@');
		// Something before the first '@' too: "@x@example.org" is no address.
		boolean plausible = address.length() <= 320 && address.indexOf('@') > 0 && at < address.length() - 1
				&& address.chars().noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c));
		return plausible ? address : null;
	}

	/**
	 * Records reports.
	 * @param bounces where
	 * @param provider who reported them
	 * @param reports the reports
	 * @return the answer to the provider: how many events there were and how many were
	 * new
	 */
	static Map<String, Integer> recordAll(Bounces bounces, String provider, List<Report> reports) {
		int recorded = 0;
		for (Report report : reports) {
			if (bounces.record(provider, report.eventId(), report.kind(), report.address(), report.detail())) {
				recorded++;
			}
		}
		return Map.of("events", reports.size(), "recorded", recorded);
	}

}
