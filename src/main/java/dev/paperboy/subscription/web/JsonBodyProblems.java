package dev.paperboy.subscription.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A 400 for a JSON body that could not be read, naming the field (as
 * {@code profile.minUpvotes}) and what is wrong with it, without echoing the value.
 */
final class JsonBodyProblems {

	private JsonBodyProblems() {
	}

	static ProblemDetail of(HttpMessageNotReadableException ex) {
		JacksonException cause = (ex.getCause() instanceof JacksonException jackson) ? jackson : null;
		String field = (cause != null) ? path(cause) : "";
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
		else if (cause != null && cause.getOriginalMessage().startsWith("Duplicate Object property")) {
			detail = "is given twice";
			field = duplicate(cause.getOriginalMessage(), field);
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

	// "Duplicate Object property \"email\"": the name is the client's own key, at most
	// the
	// property names the records have (anything else failed as unknown first).
	private static String duplicate(String message, String path) {
		int start = message.indexOf('"');
		int end = message.indexOf('"', start + 1);
		if (start < 0 || end < 0 || end - start > 64) {
			return path;
		}
		String name = message.substring(start + 1, end);
		return name.matches("[A-Za-z]{1,64}") ? (path.isEmpty() ? name : path + "." + name) : path;
	}

}
