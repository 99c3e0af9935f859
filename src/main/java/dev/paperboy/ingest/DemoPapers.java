package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

import dev.paperboy.embedded.EmbeddedMode;
import dev.paperboy.ingest.files.FileImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the bundled demo papers once, so a newcomer sees real papers with no network.
 * On by default only in the embedded mode; {@code paperboy.demo.enabled} says otherwise.
 */
@Component
@Conditional(DemoPapers.Enabled.class)
class DemoPapers implements ApplicationRunner {

	static final String SOURCE = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoPapers.class);

	private static final String RESOURCE = "demo/papers.jsonl";

	private final FetchService fetches;

	private final FileImporter importer;

	private final Environment environment;

	DemoPapers(FetchService fetches, FileImporter importer, Environment environment) {
		this.fetches = fetches;
		this.importer = importer;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.fetches.hasSucceeded(SOURCE)) {
			log.info("Demo papers were imported before; not importing again");
			return;
		}
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			FetchRun run = this.importer.importStream(SOURCE, RESOURCE, in, Trigger.DEMO);
			log.info("Demo papers imported: {} new, {} rejected. Try: curl 'localhost:{}/api/v1/papers?q=memory'",
					run.added(), run.rejected(), this.environment.getProperty("local.server.port", "8080"));
		}
	}

	static class Enabled extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			boolean enabled = environment.getProperty("paperboy.demo.enabled", Boolean.class,
					EmbeddedMode.active(environment));
			return enabled ? ConditionOutcome.match("demo papers enabled")
					: ConditionOutcome.noMatch("demo papers off (on by default in the embedded mode)");
		}

	}

}
