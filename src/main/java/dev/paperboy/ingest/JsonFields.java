package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields of a JSON record and says precisely which field has the wrong type.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static @Nullable String text(JsonNode node, String field) throws RejectedRecordException {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new RejectedRecordException(field + " must be a string");
		}
		return value.stringValue();
	}

	public static @Nullable Long number(JsonNode node, String field) throws RejectedRecordException {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new RejectedRecordException(field + " must be a whole number");
		}
		return value.longValue();
	}

	/**
	 * A list of strings, given as a JSON array of strings, or as objects whose
	 * {@code property} is the string (Hugging Face's authors).
	 * @param node the record
	 * @param field the field
	 * @param property the property of object elements to read, or null
	 * @return the strings, empty when the field is absent
	 * @throws RejectedRecordException when the field has another shape
	 */
	public static List<String> strings(JsonNode node, String field, @Nullable String property)
			throws RejectedRecordException {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new RejectedRecordException(field + " must be an array");
		}
		List<String> strings = new ArrayList<>(value.size());
		for (JsonNode element : value) {
			JsonNode text = (property != null && element.isObject()) ? element.get(property) : element;
			if (text == null || !text.isString()) {
				throw new RejectedRecordException(field + " must be an array of "
						+ ((property != null) ? "objects with a string '" + property + "'" : "strings"));
			}
			strings.add(text.stringValue());
		}
		return strings;
	}

	/**
	 * The start of a record, for a rejection.
	 * @param node the record
	 * @return at most 300 characters of its JSON
	 */
	public static String excerpt(JsonNode node) {
		String json = node.toString();
		return (json.length() <= 300) ? json : json.substring(0, 300);
	}

}
