package dev.paperboy.delivery.bounce;

import org.springframework.http.HttpStatus;

/**
 * Why a webhook request was refused. The message goes back to the caller: it never holds
 * a secret or anything the request brought.
 */
final class WebhookException extends RuntimeException {

	private final HttpStatus status;

	WebhookException(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	static WebhookException notConfigured() {
		return new WebhookException(HttpStatus.NOT_FOUND, "This webhook is not configured.");
	}

	static WebhookException forbidden(String message) {
		return new WebhookException(HttpStatus.FORBIDDEN, message);
	}

	static WebhookException malformed(String message) {
		return new WebhookException(HttpStatus.BAD_REQUEST, message);
	}

	HttpStatus status() {
		return this.status;
	}

}
