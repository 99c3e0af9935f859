package dev.paperboy.instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's heartbeat, and the others' leases given back when they stop beating.
 * Every lease names the instance that holds it ({@link #id()}); an instance beats every
 * {@code paperboy.instance.heartbeat}, and one whose last beat is older than its
 * {@code missed-beats} is removed by the next live instance to beat, which hands its
 * leases to every {@link Leases} in the same transaction. At start an instance does so
 * before anything claims, and also removes the instances of its own machine whose process
 * is gone (a {@code kill -9} and a restart need not wait for their beats to expire); on a
 * clean stop, after everything has stopped, it gives back whatever it still holds and
 * removes itself.
 */
@Service
public class Instances implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Instances.class);

	private final UUID id = UUID.randomUUID();

	private final Heartbeats heartbeats;

	private final ObjectProvider<Leases> leases;

	private final TransactionTemplate transactions;

	private final InstanceProperties properties;

	private final Object wake = new Object();

	private volatile boolean running;

	private @Nullable Thread beating;

	Instances(Heartbeats heartbeats, ObjectProvider<Leases> leases, TransactionTemplate transactions,
			InstanceProperties properties) {
		this.heartbeats = heartbeats;
		this.leases = leases;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * @return this instance's id, which its leases name
	 */
	public UUID id() {
		return this.id;
	}

	@Override
	public synchronized void start() {
		beat(true);
		this.running = true;
		this.beating = Thread.ofPlatform().name("instance-heartbeat").daemon().start(this::beatUntilStopped);
		log.info("Instance {} started, beating every {}", this.id, this.properties.heartbeat());
	}

	@Override
	public synchronized void stop() {
		synchronized (this.wake) {
			this.running = false;
			this.wake.notifyAll();
		}
		Thread thread = this.beating;
		if (thread != null) {
			try {
				thread.join(this.properties.heartbeat().toMillis() + 10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			// Everything that claims has stopped: what is still held goes back now.
			Integer released = this.transactions.execute((status) -> {
				this.heartbeats.remove(this.id);
				return release(List.of(this.id));
			});
			log.info("Instance {} stopped{}", this.id,
					(released != null && released > 0) ? ", " + released + " leases it still held given back" : "");
		}
		catch (RuntimeException ex) {
			log.warn("Instance {} could not give its leases back: {}", this.id, ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Starts before the outbox workers and the schedulers claim anything, and stops after
	// they have finished, before the database pool closes.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	private void beatUntilStopped() {
		while (this.running) {
			synchronized (this.wake) {
				try {
					if (this.running) {
						this.wake.wait(this.properties.heartbeat().toMillis());
					}
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			if (this.running) {
				try {
					beat(false);
				}
				catch (RuntimeException ex) {
					// The database may be away for a moment: the next beat tries again.
					log.warn("Instance {} could not beat: {}", this.id, ex.toString());
				}
			}
		}
	}

	/**
	 * Beats, then gives back the leases of the instances that stopped beating.
	 * @param first the first beat, at start
	 */
	void beat(boolean first) {
		this.transactions.executeWithoutResult((status) -> {
			boolean known = this.heartbeats.beat(this.id, this.properties.deadAfter());
			if (!first && !known) {
				log.warn("Instance {} missed its beats for longer than {}: the others took it for stopped "
						+ "and gave its leases back", this.id, this.properties.deadAfter());
			}
			List<UUID> dead = new ArrayList<>(this.heartbeats.removeDead());
			if (first) {
				dead.addAll(this.heartbeats.removeGoneHere(this.id));
			}
			if (!dead.isEmpty()) {
				int released = release(dead);
				log.info("Instances {} stopped beating: {} of their leases given back", dead, released);
			}
		});
	}

	private int release(Collection<UUID> instances) {
		return this.leases.orderedStream().mapToInt((lease) -> lease.release(instances)).sum();
	}

	/**
	 * @return how long after its last beat an instance counts as stopped
	 */
	public Duration deadAfter() {
		return this.properties.deadAfter();
	}

}
