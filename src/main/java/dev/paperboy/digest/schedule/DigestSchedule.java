package dev.paperboy.digest.schedule;

import dev.paperboy.digest.DigestProperties;
import dev.paperboy.digest.DigestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the digest scheduler every {@code paperboy.digest.tick}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = { "paperboy.scheduling.enabled", "paperboy.digest.scheduler-enabled" },
		matchIfMissing = true)
class DigestSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

	private final DigestScheduler scheduler;

	private final DigestProperties properties;

	DigestSchedule(DigestScheduler scheduler, DigestProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::tick, this.properties.tick());
	}

	private void tick() {
		try {
			this.scheduler.run();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next tick tries again.
			log.warn("Composing digests failed: {}", ex.toString());
		}
	}

}
