package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the binaries on the classpath and points the
 * application's datasource at it. Its data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
		Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
		Files.createDirectories(dataDirectory);
		LeftoverPostgres.stop(dataDirectory, Duration.ofSeconds(60));
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(properties.postgresPort())
			// Stopped by the context, after everything that uses it (the pool, the event
			// registry asking for unfinished publications): its own JVM hook would race
			// them.
			.setRegisterShutdownHook(false)
			.start();
		log.info(
				"Embedded mode: PostgreSQL up in {} ms at {} with data in {} (set spring.datasource.url to use your own)",
				(System.nanoTime() - started) / 1_000_000, new PostgresConnection(postgres.getPort()).getJdbcUrl(),
				dataDirectory);
		return postgres;
	}

	@Bean
	PostgresConnection embeddedJdbcConnectionDetails(EmbeddedPostgres postgres) {
		return new PostgresConnection(postgres.getPort());
	}

}
