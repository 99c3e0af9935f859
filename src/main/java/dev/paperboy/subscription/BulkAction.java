package dev.paperboy.subscription;

/**
 * What an operator does to many subscribers at once, each through the same service method
 * a subscriber's own link uses (so each change publishes its event).
 */
public enum BulkAction {

	/** Active ones stop receiving digests for now. */
	PAUSE,

	/** Paused ones receive digests again. */
	RESUME,

	/** They receive nothing any more. */
	UNSUBSCRIBE,

	/** Their data is deleted and their addresses suppressed. */
	ERASE

}
