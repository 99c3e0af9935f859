package dev.paperboy.delivery.outbox;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPacerTests {

	@Test
	void refusesASlotBeyondTheHourlyBudgetWithoutTakingIt() throws InterruptedException {
		Pacer pacer = new Pacer(0, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(pacer.acquire(0)).isTrue();
		}
		assertThat(pacer.acquire(TimeUnit.SECONDS.toNanos(1))).isFalse();
		assertThat(pacer.delay()).isGreaterThan(TimeUnit.MINUTES.toNanos(59));
		assertThat(pacer.acquire(TimeUnit.SECONDS.toNanos(1))).as("a refusal takes nothing").isFalse();
	}

	@Test
	void spacesMessagesToTheRatePerSecond() throws InterruptedException {
		Pacer pacer = new Pacer(20, 0);
		long started = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			assertThat(pacer.acquire(TimeUnit.SECONDS.toNanos(1))).isTrue();
		}
		assertThat(System.nanoTime() - started).as("five slots 50 ms apart")
			.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(195));
		assertThat(new Pacer(0, 0).delay()).as("no limits, no wait").isZero();
	}

}
