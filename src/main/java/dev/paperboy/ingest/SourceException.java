package dev.paperboy.ingest;

/**
 * A source failed as a whole (unreachable, error response, unreadable document). Records
 * it delivered before failing still land.
 */
public class SourceException extends Exception {

	public SourceException(String message) {
		super(message);
	}

	public SourceException(String message, Throwable cause) {
		super(message, cause);
	}

}
