package dev.paperboy.ingest;

/**
 * One record is unusable; the reason is stored with the run.
 */
public class RejectedRecordException extends Exception {

	public RejectedRecordException(String reason) {
		super(reason, null, false, false);
	}

}
