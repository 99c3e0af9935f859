package dev.paperboy.delivery.bounce;

import java.net.URI;
import java.util.Map;

import dev.paperboy.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Amazon SES bounce and complaint notifications through an Amazon SNS HTTPS subscription:
 * only from the configured topics, only with a valid SNS signature. A subscription
 * confirmation is confirmed once verified.
 */
@RestController
class SesWebhook {

	private static final Logger log = LoggerFactory.getLogger(SesWebhook.class);

	private final Bounces bounces;

	private final SnsSignatures signatures;

	private final SnsClient client;

	private final DeliveryProperties.BounceSettings settings;

	SesWebhook(Bounces bounces, SnsSignatures signatures, SnsClient client, DeliveryProperties properties) {
		this.bounces = bounces;
		this.signatures = signatures;
		this.client = client;
		this.settings = properties.bounces();
	}

	@PostMapping("/webhooks/ses")
	ResponseEntity<Map<String, ?>> receive(HttpServletRequest request) {
		if (!this.settings.ses().configured()) {
			throw WebhookException.notConfigured();
		}
		SnsMessage message = SnsMessage
			.parse(WebhookRequests.json(WebhookRequests.body(request, this.settings.maxBodySize())));
		if (!this.settings.ses().topicArns().contains(message.topicArn())) {
			throw WebhookException.forbidden("TopicArn is not in paperboy.delivery.bounces.ses.topic-arns.");
		}
		this.signatures.verify(message);
		return ResponseEntity.ok(switch (message.type()) {
			case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
			case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> Map.of("status", "ignored");
			default ->
				Report.recordAll(this.bounces, "ses", SesNotifications.reports(message.messageId(), message.message()));
		});
	}

	private Map<String, String> confirm(SnsMessage message) {
		String url = message.subscribeUrl();
		if (url == null || !SnsSignatures.sameOrigin(url, message.signingCertUrl())) {
			throw WebhookException.forbidden("SubscribeURL is not on the host of the signing certificate.");
		}
		this.client.get(URI.create(url), 64 * 1024);
		log.info("Confirmed the Amazon SNS subscription to {}", message.topicArn());
		return Map.of("status", "confirmed");
	}

}
