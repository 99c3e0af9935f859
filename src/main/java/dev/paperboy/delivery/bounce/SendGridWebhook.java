package dev.paperboy.delivery.bounce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paperboy.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import static dev.paperboy.delivery.bounce.WebhookRequests.required;
import static dev.paperboy.delivery.bounce.WebhookRequests.text;

/**
 * SendGrid's Signed Event Webhook: a batch of events, signed over the exact bytes posted.
 * A bounce is hard, a block soft, a spam report a complaint; a message dropped because
 * SendGrid already suppresses the address counts as the bounce or complaint that put it
 * there. Other events (delivered, deferred, open, ...) change nothing.
 */
@RestController
class SendGridWebhook {

	private final Bounces bounces;

	private final DeliveryProperties.BounceSettings settings;

	private final @Nullable SendGridSignatures signatures;

	SendGridWebhook(Bounces bounces, DeliveryProperties properties) {
		this.bounces = bounces;
		this.settings = properties.bounces();
		DeliveryProperties.SendGrid sendgrid = this.settings.sendgrid();
		this.signatures = sendgrid.configured()
				? new SendGridSignatures(sendgrid.publicKey(), sendgrid.timestampTolerance()) : null;
	}

	@PostMapping("/webhooks/sendgrid")
	ResponseEntity<Map<String, ?>> receive(HttpServletRequest request) {
		if (this.signatures == null) {
			throw WebhookException.notConfigured();
		}
		byte[] body = WebhookRequests.body(request, this.settings.maxBodySize());
		this.signatures.verify(request.getHeader(SendGridSignatures.SIGNATURE_HEADER),
				request.getHeader(SendGridSignatures.TIMESTAMP_HEADER), body, Instant.now());
		return ResponseEntity.ok(Report.recordAll(this.bounces, "sendgrid", reports(WebhookRequests.json(body))));
	}

	static List<Report> reports(JsonNode events) {
		if (!events.isArray()) {
			throw WebhookException.malformed("The body is not a list of SendGrid events.");
		}
		List<Report> reports = new ArrayList<>();
		for (JsonNode event : events) {
			if (!event.isObject()) {
				throw WebhookException.malformed("A SendGrid event is not an object.");
			}
			Bounces.Kind kind = kind(required(event, "event"), event);
			String address = (kind != null) ? Report.address(required(event, "email")) : null;
			if (address != null) {
				String reason = text(event, "reason");
				reports.add(new Report(text(event, "sg_event_id"), kind, address,
						required(event, "event") + ((reason != null) ? ": " + reason : "")));
			}
		}
		return reports;
	}

	private static Bounces.@Nullable Kind kind(String event, JsonNode fields) {
		return switch (event) {
			case "bounce" -> "blocked".equals(text(fields, "type")) ? Bounces.Kind.SOFT : Bounces.Kind.HARD;
			case "spamreport" -> Bounces.Kind.COMPLAINT;
			case "dropped" -> switch (String.valueOf(text(fields, "reason"))) {
				case "Bounced Address" -> Bounces.Kind.HARD;
				case "Spam Reporting Address" -> Bounces.Kind.COMPLAINT;
				default -> null;
			};
			default -> null;
		};
	}

}
