package dev.paperboy.ingest;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

/**
 * Fetches each enabled source on its cron schedule. Sources run independently: one that
 * fails, or hangs in retries, does not hold up another.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "paperboy.scheduling.enabled", matchIfMissing = true)
class FetchScheduler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FetchScheduler.class);

	private final FetchService fetches;

	FetchScheduler(FetchService fetches) {
		this.fetches = fetches;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		int abandoned = this.fetches.abandonStale(Duration.ofHours(6));
		if (abandoned > 0) {
			log.warn("Marked {} fetch runs left running by a stopped process as failed", abandoned);
		}
		for (PaperSource source : this.fetches.sources()) {
			if (!source.enabled() || source.schedule().equals("-")) {
				continue;
			}
			CronExpression.parse(source.schedule());
			registrar.addCronTask(() -> this.fetches.start(source, Trigger.SCHEDULED, null), source.schedule());
			log.info("Source {} fetches on schedule '{}'", source.name(), source.schedule());
		}
	}

}
