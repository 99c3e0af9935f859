package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static dev.paperboy.delivery.bounce.WebhookRequests.required;
import static dev.paperboy.delivery.bounce.WebhookRequests.text;

/**
 * Reads the Amazon SES notification inside an SNS message: {@code notificationType} (or
 * {@code eventType} when SES publishes events) Bounce, with a Permanent bounce hard and a
 * Transient or Undetermined one soft, or Complaint; each recipient one report. Other
 * notifications (Delivery, Send, ...) report nothing.
 */
final class SesNotifications {

	private SesNotifications() {
	}

	static List<Report> reports(String eventId, String message) {
		JsonNode notification = WebhookRequests.json(message.getBytes(StandardCharsets.UTF_8), "The SNS Message");
		if (!notification.isObject()) {
			throw WebhookException.malformed("The SNS Message is not an Amazon SES notification.");
		}
		String type = text(notification, "notificationType");
		type = (type != null) ? type : text(notification, "eventType");
		if (type == null) {
			throw WebhookException.malformed("The SES notification has no notificationType or eventType.");
		}
		return switch (type) {
			case "Bounce" -> bounce(eventId, object(notification, "bounce"));
			case "Complaint" -> complaint(eventId, object(notification, "complaint"));
			default -> List.of();
		};
	}

	private static List<Report> bounce(String eventId, JsonNode bounce) {
		String bounceType = required(bounce, "bounceType");
		Bounces.Kind kind = bounceType.equals("Permanent") ? Bounces.Kind.HARD : Bounces.Kind.SOFT;
		String subType = text(bounce, "bounceSubType");
		List<Report> reports = new ArrayList<>();
		for (JsonNode recipient : array(bounce, "bouncedRecipients")) {
			String diagnostic = text(recipient, "diagnosticCode");
			String detail = bounceType + ((subType != null) ? "/" + subType : "")
					+ ((diagnostic != null) ? ": " + diagnostic : "");
			add(reports, eventId, kind, recipient, detail);
		}
		return reports;
	}

	private static List<Report> complaint(String eventId, JsonNode complaint) {
		String feedbackType = text(complaint, "complaintFeedbackType");
		List<Report> reports = new ArrayList<>();
		for (JsonNode recipient : array(complaint, "complainedRecipients")) {
			add(reports, eventId, Bounces.Kind.COMPLAINT, recipient,
					(feedbackType != null) ? "feedback type " + feedbackType : "");
		}
		// A recipient telling their provider the message was not spam is no complaint.
		return "not-spam".equals(feedbackType) ? List.of() : reports;
	}

	private static void add(List<Report> reports, String eventId, Bounces.Kind kind, JsonNode recipient,
			String detail) {
		if (!recipient.isObject()) {
			throw WebhookException.malformed("A recipient of the SES notification is not an object.");
		}
		@Nullable String address = Report.address(required(recipient, "emailAddress"));
		if (address != null) {
			reports.add(new Report(eventId, kind, address, detail));
		}
	}

	private static JsonNode object(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isObject()) {
			throw WebhookException.malformed("The SES notification has no " + field + " object.");
		}
		return value;
	}

	private static JsonNode array(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isArray()) {
			throw WebhookException.malformed("The SES notification has no " + field + " list.");
		}
		return value;
	}

}
