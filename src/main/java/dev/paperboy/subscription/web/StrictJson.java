package dev.paperboy.subscription.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.paperboy.subscription.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The public API's JSON bodies, read strictly: a field the request does not have, a key
 * given twice, a fraction where a whole number goes, or a number in quotes is refused
 * (400 naming the field, as {@code profile.minUpvotes}, without echoing the value), never
 * ignored or truncated. A strict API tells its caller about a typo ({@code "interest"})
 * instead of answering 2xx and dropping it, and ignored fields were a way to make the
 * service read megabytes for nothing.
 */
final class StrictJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private StrictJson() {
	}

	static <T> T read(byte[] json, Class<T> type) {
		String text;
		try {
			// Java's decoder refuses overlong forms and lone surrogates, which Jackson's
			// lets through
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(json))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidInputException("body", "is not valid UTF-8");
		}
		JsonNode tree = JSON.readTree(text);
		refuseInvisible(tree, "");
		return JSON.treeToValue(tree, type);
	}

	// Line breaks, NUL and other controls, U+2028/2029, lone surrogates and U+FFFD (what
	// invalid UTF-8 decodes to) have no place in any field: refused, never stored.
	private static void refuseInvisible(JsonNode node, String path) {
		if (node.isString() && !isPlain(node.stringValue())) {
			throw new InvalidInputException(path.isEmpty() ? "body" : path,
					"holds a control character, line separator, lone surrogate or invalid UTF-8");
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				refuseInvisible(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
			}
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				refuseInvisible(node.get(i), path + "[" + i + "]");
			}
		}
	}

	private static boolean isPlain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	static ProblemDetail problem(JacksonException cause) {
		String field = path(cause);
		String message = String.valueOf(cause.getOriginalMessage());
		String detail;
		if (cause instanceof UnrecognizedPropertyException) {
			detail = "is not a field of this request";
		}
		else if (cause instanceof InputCoercionException || cause instanceof InvalidFormatException) {
			detail = "is not a whole number in range (or not of the right type)";
		}
		else if (cause instanceof MismatchedInputException) {
			detail = "does not have the right type";
		}
		else if (message.startsWith("Duplicate Object property")) {
			detail = "is given twice";
			field = duplicate(message, field);
		}
		else {
			detail = "is not valid JSON";
		}
		if (field.isEmpty()) {
			field = "body";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + detail);
		problem.setProperty("field", field);
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	// "Duplicate Object property \"email\"": named only when it is a plain word, never
	// echoing arbitrary client text.
	private static String duplicate(String message, String path) {
		int start = message.indexOf('"');
		int end = message.indexOf('"', start + 1);
		if (start < 0 || end < 0) {
			return path;
		}
		String name = message.substring(start + 1, end);
		return name.matches("[A-Za-z]{1,64}") ? (path.isEmpty() ? name : path + "." + name) : path;
	}

}
