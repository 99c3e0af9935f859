package dev.paperboy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.paperboy.embedded.PostgresConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one infrastructure configuration of the tests (with {@link TestMailConfiguration}):
 * PostgreSQL in a container when a Docker engine is reachable, otherwise the same
 * PostgreSQL major from the embedded binaries. Never H2. Both are started once per test
 * JVM and shared by every test context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestMailConfiguration.class)
public class TestDatabaseConfiguration {

	static final String POSTGRES_IMAGE = "postgres:18-alpine";

	// Closed before the embedded database stops at the JVM's exit: closing, a context
	// still asks the database for unfinished event publications, and would wait out the
	// pool's connection timeout for a database gone first.
	private static final Set<ConfigurableApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

	@Bean
	ClosedBeforeTheDatabase closedBeforeTheDatabase(ConfigurableApplicationContext context) {
		CONTEXTS.add(context);
		return new ClosedBeforeTheDatabase();
	}

	record ClosedBeforeTheDatabase() {
	}

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return Containers.POSTGRES;
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	PostgresConnection embeddedPostgres() {
		return new PostgresConnection(Embedded.POSTGRES.getPort());
	}

	/**
	 * Opens a plain connection to the test database, for tests that run the application
	 * outside a test context.
	 * @return a new connection
	 * @throws java.sql.SQLException when the database refuses it
	 */
	public static java.sql.Connection connect() throws java.sql.SQLException {
		if (dockerAvailable()) {
			return java.sql.DriverManager.getConnection(Containers.POSTGRES.getJdbcUrl(),
					Containers.POSTGRES.getUsername(), Containers.POSTGRES.getPassword());
		}
		PostgresConnection embedded = new PostgresConnection(Embedded.POSTGRES.getPort());
		return java.sql.DriverManager.getConnection(embedded.getJdbcUrl(), embedded.getUsername(),
				embedded.getPassword());
	}

	static boolean dockerAvailable() {
		return Docker.AVAILABLE;
	}

	private static final class Docker {

		static final boolean AVAILABLE = check();

		private static boolean check() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | Error ex) {
				return false;
			}
		}

	}

	private static final class Containers {

		@SuppressWarnings("resource")
		static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(POSTGRES_IMAGE).withReuse(false);

	}

	private static final class Embedded {

		static final EmbeddedPostgres POSTGRES = start();

		private static EmbeddedPostgres start() {
			try {
				Path directory = Files.createTempDirectory("paperboy-test-pg");
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(directory)
					.setCleanDataDirectory(true)
					// stopped by the hook below, after the contexts
					.setRegisterShutdownHook(false)
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						CONTEXTS.forEach(ConfigurableApplicationContext::close);
						postgres.close();
					}
					catch (IOException ex) {
						// the JVM is going away
					}
				}));
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", ex);
			}
		}

	}

	static final class DockerAvailable implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return dockerAvailable();
		}

	}

	static final class DockerUnavailable implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !dockerAvailable();
		}

	}

}
