package dev.paperboy.delivery;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The switch that pauses all sending, kept in the database so that every instance's
 * outbox workers obey it. Workers ask before each claim; the answer is read again when it
 * is older than two seconds, one primary-key read per instance at most that often.
 */
@Service
public class SendingSwitch {

	static final Duration REFRESH = Duration.ofSeconds(2);

	private final SwitchRow row;

	private final long refreshNanos;

	private volatile @Nullable State state;

	private volatile long readAt;

	@Autowired
	SendingSwitch(JdbcClient jdbc) {
		this(jdbc, REFRESH);
	}

	/**
	 * @param jdbc the database
	 * @param refresh how old a reading may be before it is read again
	 */
	public SendingSwitch(JdbcClient jdbc, Duration refresh) {
		this.row = new SwitchRow(jdbc);
		this.refreshNanos = refresh.toNanos();
	}

	/**
	 * @return whether sending is paused, as read at most two seconds ago
	 */
	public boolean paused() {
		State current = this.state;
		if (current == null || System.nanoTime() - this.readAt > this.refreshNanos) {
			try {
				current = read();
			}
			catch (RuntimeException ex) {
				// The database is away: workers fail on their claim anyway; keep the last
				// reading.
				return current != null && current.paused();
			}
		}
		return current.paused();
	}

	/**
	 * @return the switch as stored now
	 */
	public State state() {
		return read();
	}

	/**
	 * Pauses all sending: workers finish the message in hand and claim no more.
	 * @param by who paused it
	 * @return the switch now
	 */
	public State pause(String by) {
		return set(true, by);
	}

	/**
	 * Resumes sending.
	 * @param by who resumed it
	 * @return the switch now
	 */
	public State resume(String by) {
		return set(false, by);
	}

	private State set(boolean paused, String by) {
		this.row.set(paused, by);
		return read();
	}

	private State read() {
		State read = this.row.read();
		this.state = read;
		this.readAt = System.nanoTime();
		return read;
	}

	/**
	 * The switch.
	 *
	 * @param paused whether sending is paused
	 * @param changedAt when it was last changed
	 * @param changedBy who changed it last
	 */
	public record State(boolean paused, Instant changedAt, @Nullable String changedBy) {

	}

}
