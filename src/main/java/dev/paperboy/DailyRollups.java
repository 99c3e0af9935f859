package dev.paperboy;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps every module's daily figures current: each {@link DailyRollup} every minute (with
 * {@code paperboy.scheduling.enabled}); a failing one is logged and tried again at the
 * next round.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "paperboy.scheduling.enabled", matchIfMissing = true)
class DailyRollups implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DailyRollups.class);

	private final List<DailyRollup> rollups;

	DailyRollups(List<DailyRollup> rollups) {
		this.rollups = rollups;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		for (DailyRollup rollup : this.rollups) {
			registrar.addFixedDelayTask(() -> {
				try {
					rollup.rollUp();
				}
				catch (RuntimeException ex) {
					log.warn("Rolling up the daily figures of {} failed: {}", rollup.getClass().getSimpleName(),
							ex.toString());
				}
			}, Duration.ofMinutes(1));
		}
	}

}
