package dev.paperboy.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.paperboy.Paperboy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Paperboy with one more bean that still writes to the database while the context closes,
 * and that does not declare that it uses it (as a thread or an executor does not):
 * registered before any other bean, so it is destroyed after them. It logs whether its
 * write succeeded.
 */
public final class ShutdownProbeChild {

	private ShutdownProbeChild() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(Paperboy.class).initializers((context) -> {
			Probe probe = new Probe();
			context.getBeanFactory().registerSingleton("shutdownProbe", probe);
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("shutdownProbe", probe);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextRefreshedEvent refreshed) {
					probe.database = refreshed.getApplicationContext().getBean(PostgresConnection.class);
				}
			});
		}).run(args);
	}

	static final class Probe implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(Probe.class);

		volatile @Nullable PostgresConnection database;

		@Override
		public void destroy() {
			PostgresConnection database = this.database;
			if (database == null) {
				return;
			}
			try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
					database.getPassword()); Statement statement = connection.createStatement()) {
				statement.execute("create table if not exists shutdown_probe (at timestamptz not null)");
				statement.execute("insert into shutdown_probe values (now())");
				log.info("Shutdown probe: wrote to the database after the other beans had closed");
			}
			catch (SQLException ex) {
				log.info("Shutdown probe: could not write to the database: {}", ex.getMessage());
			}
		}

	}

}
