package dev.paperboy.subscription;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Hands the events whose listener failed (the database away for a moment) to it again,
 * every {@code paperboy.subscription.event-retry}: without this they would wait for the
 * next start. Listeners read the subscriber as they are now, so handling an event again
 * is harmless. Handled events are kept for {@code paperboy.subscription.event-retention}
 * (to look into), then deleted, so the registry does not grow with every change.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "paperboy.scheduling.enabled", matchIfMissing = true)
class FailedEventRetries implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FailedEventRetries.class);

	private final FailedEventPublications failed;

	private final CompletedEventPublications completed;

	private final SubscriptionProperties properties;

	FailedEventRetries(FailedEventPublications failed, CompletedEventPublications completed,
			SubscriptionProperties properties) {
		this.failed = failed;
		this.completed = completed;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::retry, this.properties.eventRetry());
		registrar.addFixedDelayTask(this::purge, Duration.ofHours(1));
	}

	void purge() {
		try {
			this.completed.deletePublicationsOlderThan(this.properties.eventRetention());
		}
		catch (RuntimeException ex) {
			log.warn("Deleting handled events failed: {}", ex.toString());
		}
	}

	void retry() {
		try {
			this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(this.properties.eventRetry()));
		}
		catch (RuntimeException ex) {
			log.warn("Handing failed events over again failed: {}", ex.toString());
		}
	}

}
