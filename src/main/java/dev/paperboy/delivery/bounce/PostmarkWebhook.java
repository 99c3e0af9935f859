package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.paperboy.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import static dev.paperboy.delivery.bounce.WebhookRequests.required;
import static dev.paperboy.delivery.bounce.WebhookRequests.text;

/**
 * Postmark's bounce and spam complaint webhooks. Postmark does not sign webhooks, so the
 * webhook URL carries HTTP Basic credentials, compared in constant time.
 */
@RestController
class PostmarkWebhook {

	private static final String BASIC = "Basic ";

	private final Bounces bounces;

	private final DeliveryProperties.BounceSettings settings;

	private final byte @Nullable [] expected;

	PostmarkWebhook(Bounces bounces, DeliveryProperties properties) {
		this.bounces = bounces;
		this.settings = properties.bounces();
		DeliveryProperties.Postmark postmark = this.settings.postmark();
		this.expected = postmark.configured() ? sha256(postmark.username() + ":" + postmark.password()) : null;
	}

	@PostMapping("/webhooks/postmark")
	ResponseEntity<Map<String, ?>> receive(HttpServletRequest request) {
		if (this.expected == null) {
			throw WebhookException.notConfigured();
		}
		String credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
		// Digests of equal length, compared in constant time: neither content nor length
		// leaks.
		if (credentials == null || !MessageDigest.isEqual(this.expected, sha256(credentials))) {
			throw new WebhookException(HttpStatus.UNAUTHORIZED,
					"The webhook URL needs the user name and password of paperboy.delivery.bounces.postmark.");
		}
		JsonNode record = WebhookRequests.json(WebhookRequests.body(request, this.settings.maxBodySize()));
		return ResponseEntity.ok(Report.recordAll(this.bounces, "postmark", reports(record)));
	}

	static List<Report> reports(JsonNode record) {
		if (!record.isObject()) {
			throw WebhookException.malformed("The body is not a Postmark webhook record.");
		}
		// Postmark's test bounces may come without a RecordType.
		String recordType = Objects.requireNonNullElse(text(record, "RecordType"), "Bounce");
		Bounces.Kind kind = switch (recordType) {
			case "SpamComplaint" -> Bounces.Kind.COMPLAINT;
			case "Bounce" -> kind(required(record, "Type"));
			default -> null;
		};
		String address = (kind != null) ? Report.address(required(record, "Email")) : null;
		if (kind == null || address == null) {
			return List.of();
		}
		String id = text(record, "ID");
		String details = text(record, "Details");
		String detail = Objects.requireNonNullElse(text(record, "Type"), recordType)
				+ ((details != null && !details.isBlank()) ? ": " + details : "");
		return List.of(new Report((id != null) ? recordType + ":" + id : null, kind, address, detail));
	}

	// Postmark's bounce types; those about the message or the sender rather than the
	// address (AutoResponder, VirusNotification, DMARCPolicy, ...) suppress nothing.
	private static Bounces.@Nullable Kind kind(String type) {
		return switch (type) {
			case "HardBounce", "BadEmailAddress", "ManuallyDeactivated" -> Bounces.Kind.HARD;
			case "SoftBounce", "Transient", "DnsError", "Blocked" -> Bounces.Kind.SOFT;
			case "SpamComplaint" -> Bounces.Kind.COMPLAINT;
			default -> null;
		};
	}

	private static @Nullable String credentials(@Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			return new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
