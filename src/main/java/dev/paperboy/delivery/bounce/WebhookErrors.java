package dev.paperboy.delivery.bounce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refused webhook requests as problem details, each logged in one line so an operator can
 * tell a misconfigured provider from noise.
 */
@RestControllerAdvice(basePackageClasses = WebhookErrors.class)
class WebhookErrors {

	private static final Logger log = LoggerFactory.getLogger(WebhookErrors.class);

	@ExceptionHandler(WebhookException.class)
	ResponseEntity<ProblemDetail> refused(WebhookException ex, HttpServletRequest request) {
		if (ex.status() != HttpStatus.NOT_FOUND) {
			log.info("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), ex.status().value(),
					ex.getMessage());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paperboy-webhooks\", charset=\"UTF-8\"");
		}
		return response.body(ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage()));
	}

}
