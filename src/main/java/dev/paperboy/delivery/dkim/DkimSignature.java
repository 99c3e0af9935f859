package dev.paperboy.delivery.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes the {@code DKIM-Signature} header of a message (RFC 6376): RSA-SHA256,
 * relaxed/relaxed, signing each listed header that is present once more than it occurs
 * (RFC 6376 section 8.15), so that a second From, Subject or List-Unsubscribe cannot be
 * added without breaking the signature.
 */
final class DkimSignature {

	private static final int FOLD_AT = 72;

	private final String domain;

	private final String selector;

	private final PrivateKey key;

	private final Set<String> signedHeaders = new LinkedHashSet<>();

	DkimSignature(String domain, String selector, PrivateKey key, List<String> signedHeaders) {
		this.domain = domain;
		this.selector = selector;
		this.key = key;
		signedHeaders.forEach((name) -> this.signedHeaders.add(name.strip().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The header field, folded, without its final CRLF.
	 * @param message the whole message, every line ending in CRLF, one char per byte
	 * @param time the signing time in seconds since the epoch
	 */
	String header(String message, long time) throws GeneralSecurityException {
		int end = message.indexOf("\r\n\r\n");
		Map<String, List<String>> fields = fieldsByName((end < 0) ? message : message.substring(0, end + 2));
		String body = (end < 0) ? "" : message.substring(end + 4);
		List<String> signed = new ArrayList<>();
		for (String name : this.signedHeaders) {
			int present = fields.getOrDefault(name, List.of()).size();
			for (int i = 0; present > 0 && i <= present; i++) {
				signed.add(name);
			}
		}
		byte[] bodyHash = MessageDigest.getInstance("SHA-256")
			.digest(RelaxedCanonicalization.body(body).getBytes(StandardCharsets.ISO_8859_1));
		String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=" + this.domain + "; s="
				+ this.selector + "; t=" + time + ";\r\n\th=" + foldedList(signed) + ";\r\n\tbh="
				+ Base64.getEncoder().encodeToString(bodyHash) + ";\r\n\tb=";
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(this.key);
		// each name takes the last instance not yet taken (RFC 6376 section 5.4.2): the
		// bottom one first; a name listed once more than it occurs adds nothing
		Map<String, Integer> taken = new HashMap<>();
		for (String name : signed) {
			List<String> instances = fields.get(name);
			int index = instances.size() - taken.merge(name, 1, Integer::sum);
			if (index >= 0) {
				update(rsa, RelaxedCanonicalization.header(instances.get(index)) + "\r\n");
			}
		}
		update(rsa, RelaxedCanonicalization.header(unsigned));
		return unsigned + folded(Base64.getEncoder().encodeToString(rsa.sign()));
	}

	/** The header fields by lower-case name, each name's in the order they appear. */
	private static Map<String, List<String>> fieldsByName(String header) {
		Map<String, List<String>> fields = new HashMap<>();
		for (String field : RelaxedCanonicalization.fields(header)) {
			if (field.indexOf(':') > 0) {
				fields.computeIfAbsent(RelaxedCanonicalization.name(field), (name) -> new ArrayList<>()).add(field);
			}
		}
		return fields;
	}

	private static void update(Signature signature, String text) throws GeneralSecurityException {
		signature.update(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Header names joined by colons, folded after a colon before a line grows too long.
	 */
	private static String foldedList(List<String> names) {
		StringBuilder list = new StringBuilder();
		int line = 2;
		for (String name : names) {
			if (!list.isEmpty()) {
				list.append(':');
				if (line + name.length() > FOLD_AT) {
					list.append("\r\n\t");
					line = 1;
				}
			}
			list.append(name);
			line += name.length() + 1;
		}
		return list.toString();
	}

	/**
	 * Base64 folded into lines: whitespace inside b= is ignored (RFC 6376 section 3.5).
	 */
	private static String folded(String base64) {
		StringBuilder folded = new StringBuilder();
		for (int i = 0; i < base64.length(); i += FOLD_AT) {
			folded.append((i > 0) ? "\r\n\t" : "").append(base64, i, Math.min(base64.length(), i + FOLD_AT));
		}
		return folded.toString();
	}

}
