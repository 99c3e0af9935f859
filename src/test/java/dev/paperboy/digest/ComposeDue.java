package dev.paperboy.digest;

import java.time.Instant;

/**
 * Runs the digest scheduler at a given time, for tests in other packages.
 */
public final class ComposeDue {

	private ComposeDue() {
	}

	/**
	 * @param scheduler the scheduler
	 * @param now the time it believes it is
	 * @return what it did
	 */
	public static DigestScheduler.Run at(DigestScheduler scheduler, Instant now) {
		return scheduler.run(now);
	}

}
