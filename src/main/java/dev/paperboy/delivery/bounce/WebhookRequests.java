package dev.paperboy.delivery.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads webhook requests: the raw body up to a limit (signatures cover the exact bytes),
 * then JSON, refusing duplicate keys so what was verified is what is read.
 */
final class WebhookRequests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private WebhookRequests() {
	}

	static byte[] body(HttpServletRequest request, DataSize limit) {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw tooLarge(max);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				throw tooLarge(max);
			}
			return body;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode json(byte[] body) {
		return json(body, "The body");
	}

	static JsonNode json(byte[] document, String what) {
		try {
			return JSON.readTree(document);
		}
		catch (JacksonException ex) {
			throw WebhookException.malformed(what + " is not valid JSON.");
		}
	}

	/** A string field, or null when it is missing or JSON null. */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber()) {
			return value.asString();
		}
		throw WebhookException.malformed(field + " is not a string.");
	}

	static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isEmpty()) {
			throw WebhookException.malformed(field + " is missing.");
		}
		return value;
	}

	private static WebhookException tooLarge(long max) {
		return new WebhookException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + max + " bytes.");
	}

}
