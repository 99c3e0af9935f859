package dev.paperboy.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps delivery's daily figures of bounces and complaints current: every minute, on
 * whichever instance gets the advisory lock first.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "paperboy.scheduling.enabled", matchIfMissing = true)
class BounceStatisticsRollup implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BounceStatisticsRollup.class);

	private final BounceStatistics statistics;

	BounceStatisticsRollup(BounceStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> {
			try {
				this.statistics.rollUp();
			}
			catch (RuntimeException ex) {
				log.warn("Rolling up bounce figures failed: {}", ex.toString());
			}
		}, Duration.ofMinutes(1));
	}

}
