package dev.paperboy.subscription;

/**
 * What a signed link may do. The order is part of the token format: append, never
 * reorder.
 */
public enum TokenPurpose {

	/** Confirm a sign-up (double opt-in); single use. */
	CONFIRM,

	/** Open the preference centre. */
	MANAGE,

	/** Unsubscribe, and resubscribe from the same page. */
	UNSUBSCRIBE,

	/** Say "more like this" or "less like this" about a paper. */
	FEEDBACK,

	/** Read a digest in the browser or as a feed. */
	VIEW

}
