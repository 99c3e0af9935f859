package dev.paperboy.subscription;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps subscription's daily figures current: every minute, on whichever instance gets
 * the advisory lock first.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "paperboy.scheduling.enabled", matchIfMissing = true)
class SubscriberStatisticsRollup implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SubscriberStatisticsRollup.class);

	private final SubscriberStatistics statistics;

	SubscriberStatisticsRollup(SubscriberStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> {
			try {
				this.statistics.rollUp();
			}
			catch (RuntimeException ex) {
				log.warn("Rolling up subscriber figures failed: {}", ex.toString());
			}
		}, Duration.ofMinutes(1));
	}

}
