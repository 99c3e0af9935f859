package dev.paperboy.delivery.outbox;

import java.util.concurrent.TimeUnit;

/**
 * Messages per second and per hour at most, for this instance: spaces messages evenly,
 * and waits for the hour's window when its budget is spent.
 */
final class Pacer {

	private final long intervalNanos;

	private final long perHour;

	private long next = System.nanoTime();

	private long windowStart = System.nanoTime();

	private long inWindow;

	private final Sleeper sleeper;

	Pacer(double perSecond, long perHour) {
		this(perSecond, perHour, TimeUnit.NANOSECONDS::sleep);
	}

	/**
	 * @param sleeper waits for a slot (the outbox's ends its wait when it stops)
	 */
	Pacer(double perSecond, long perHour, Sleeper sleeper) {
		this.intervalNanos = (perSecond > 0) ? (long) (1_000_000_000L / perSecond) : 0;
		this.perHour = perHour;
		this.sleeper = sleeper;
	}

	/**
	 * @return how long until the next slot, in nanoseconds (0: now)
	 */
	synchronized long delay() {
		long now = System.nanoTime();
		long at = Math.max(now, this.next);
		if (this.perHour > 0 && this.inWindow >= this.perHour && now - this.windowStart < TimeUnit.HOURS.toNanos(1)) {
			at = Math.max(at, this.windowStart + TimeUnit.HOURS.toNanos(1));
		}
		return at - now;
	}

	/**
	 * Takes the next sending slot, waiting for it when it is near.
	 * @param maxWaitNanos the longest wait accepted
	 * @return false, taking nothing, when the next slot is further away than that
	 */
	boolean acquire(long maxWaitNanos) throws InterruptedException {
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			long hour = TimeUnit.HOURS.toNanos(1);
			if (this.perHour > 0 && now - this.windowStart >= hour) {
				this.windowStart = now;
				this.inWindow = 0;
			}
			long at = Math.max(now, this.next);
			if (this.perHour > 0 && this.inWindow >= this.perHour) {
				at = Math.max(at, this.windowStart + hour);
			}
			wait = at - now;
			if (wait > maxWaitNanos) {
				return false;
			}
			if (this.perHour > 0 && this.inWindow >= this.perHour) {
				this.windowStart = at;
				this.inWindow = 0;
			}
			if (this.perHour > 0) {
				this.inWindow++;
			}
			this.next = at + this.intervalNanos;
		}
		if (wait > 0) {
			this.sleeper.sleep(wait);
		}
		return true;
	}

	/** Waits for the next slot. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(long nanos) throws InterruptedException;

	}

}
