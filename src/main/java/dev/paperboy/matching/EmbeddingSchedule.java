package dev.paperboy.matching;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the paper embedder in the background: papers waiting for a vector; then it looks
 * again after the configured interval. (Subscribers' interests are embedded as their
 * changes come in, by {@link ProfileVectors}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = { "paperboy.scheduling.enabled", "paperboy.matching.embeddings.enabled" },
		matchIfMissing = true)
class EmbeddingSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingSchedule.class);

	private final PaperEmbedder embedder;

	private final MatchingProperties properties;

	EmbeddingSchedule(PaperEmbedder embedder, MatchingProperties properties) {
		this.embedder = embedder;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::drain, this.properties.embeddings().interval());
	}

	private void drain() {
		try {
			long started = System.nanoTime();
			int embedded = this.embedder.embedAll();
			if (embedded > 0) {
				log.info("Embedded {} papers in {} ms", embedded, (System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next run tries again.
			log.warn("Embedding papers failed: {}", ex.toString());
		}
	}

}
