package dev.paperboy.delivery;

import java.util.Map;

/**
 * Branding values that cannot be used, with what is wrong with each.
 */
public class InvalidBrandException extends RuntimeException {

	private final Map<String, String> errors;

	/**
	 * @param errors what is wrong, by field ({@code senderName}, {@code accent},
	 * {@code footer}, {@code postalAddress}, {@code logo})
	 */
	public InvalidBrandException(Map<String, String> errors) {
		super(String.join("; ", errors.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue()).toList()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
