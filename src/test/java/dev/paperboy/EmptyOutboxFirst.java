package dev.paperboy;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For a test class whose context sends: empties the database every context shares before
 * its outbox workers start. Digests other classes left queued would otherwise go out to
 * this class's SMTP server, counted as this class's mail.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmptyOutboxFirst {

	@Bean
	SmartLifecycle emptyOutboxFirst(JdbcClient jdbc) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				DatabaseCleaner.clean(jdbc);
				this.running = true;
			}

			@Override
			public void stop() {
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			// Before the outbox workers' phase.
			@Override
			public int getPhase() {
				return Integer.MIN_VALUE;
			}

		};
	}

}
