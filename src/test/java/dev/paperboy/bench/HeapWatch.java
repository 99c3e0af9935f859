package dev.paperboy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** Samples the heap every 20 ms; the high-water mark of used heap. */
final class HeapWatch {

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long peak;

	HeapWatch() {
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		this.thread = Thread.ofPlatform().daemon().start(() -> {
			while (this.running) {
				long used = pools.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
				this.peak = Math.max(this.peak, used);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	void stop() throws InterruptedException {
		this.running = false;
		this.thread.join();
	}

	long peak() {
		return this.peak;
	}

}
