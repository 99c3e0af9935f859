package dev.paperboy.subscription;

/**
 * A field of a form or request is not acceptable; the message says which and why.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
