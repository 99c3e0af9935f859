package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the binaries on the classpath and points the
 * application's datasource at it. Its data directory survives restarts; it is durable
 * (fsync, synchronous commit), takes password logins on 127.0.0.1 only, and stops after
 * everything else on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	// The library's own switch for where it unpacks the binaries and keeps its scratch
	// directories (/tmp/embedded-pg by default, which it makes writable by everyone).
	private static final String WORKING_DIRECTORY = "ot.epg.working-dir";

	// Not stopped as a bean (destroyMethod ""), but by StoppedLast, after all the others.
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties, StoppedLast stoppedLast) throws IOException {
		Path data = PrivateDirectory.ensure(properties.dataDir());
		Path binaries = PrivateDirectory.ensure(data.resolve("postgres-binaries"));
		Path dataDirectory = data.resolve("postgres");
		Files.createDirectories(dataDirectory);
		LeftoverPostgres.stop(dataDirectory, Duration.ofSeconds(60));
		String password = properties.postgresPassword();
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("paperboy.embedded.postgres-password is not set (it is generated into "
					+ data.resolve(EmbeddedSecrets.FILE) + ")");
		}
		PostgresBinaries resolver = new PostgresBinaries(binaries);
		long started = System.nanoTime();
		EmbeddedPostgres postgres = builder(binaries).setPgBinaryResolver(resolver)
			.setOverrideWorkingDirectory(binaries.toFile())
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(properties.postgresPort())
			.setRegisterShutdownHook(false)
			// Durable: the library turns fsync and synchronous commit off for tests.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", password)
			.setDataDirectoryCustomizer((directory) -> PostgresAccess.lock(directory.toPath(), resolver, password))
			.start();
		ProcessHandle postmaster = LeftoverPostgres.postmaster(dataDirectory).orElseThrow();
		stoppedLast.close(() -> stop(postgres, postmaster));
		// The library opens its working directory to everyone on each start.
		PrivateDirectory.restore(binaries);
		log.info(
				"Embedded mode: PostgreSQL up in {} ms at {} with data in {} (set spring.datasource.url to use your own)",
				(System.nanoTime() - started) / 1_000_000, new PostgresConnection(postgres.getPort()).getJdbcUrl(),
				dataDirectory);
		return postgres;
	}

	@Bean
	PostgresConnection embeddedJdbcConnectionDetails(EmbeddedPostgres postgres, EmbeddedProperties properties) {
		return new PostgresConnection(postgres.getPort(), properties.postgresPassword());
	}

	// The builder reads the working directory once, when it is made.
	private static synchronized EmbeddedPostgres.Builder builder(Path binaries) {
		String before = System.getProperty(WORKING_DIRECTORY);
		System.setProperty(WORKING_DIRECTORY, binaries.toString());
		try {
			return EmbeddedPostgres.builder();
		}
		finally {
			if (before == null) {
				System.clearProperty(WORKING_DIRECTORY);
			}
			else {
				System.setProperty(WORKING_DIRECTORY, before);
			}
		}
	}

	// The library's stop waits 5 s at most, and only for the pid file; a shutdown
	// checkpoint may take longer: wait for the process itself.
	private static void stop(EmbeddedPostgres postgres, ProcessHandle postmaster) throws IOException {
		long stopping = System.nanoTime();
		postgres.close();
		try {
			postmaster.onExit().get(2, TimeUnit.MINUTES);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("PostgreSQL (pid " + postmaster.pid() + ") did not stop within 2 minutes", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while PostgreSQL stopped", ex);
		}
		log.info("Embedded mode: PostgreSQL stopped in {} ms, after everything else",
				(System.nanoTime() - stopping) / 1_000_000);
	}

}
