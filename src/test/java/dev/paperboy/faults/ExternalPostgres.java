package dev.paperboy.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The operator's own PostgreSQL, started by the test from the same binaries the tests use
 * (Maven Central, no Docker needed) on a data directory and port of its own, so it can be
 * stopped ({@code pg_ctl stop}) and started again under the running service.
 */
final class ExternalPostgres implements AutoCloseable, Database {

	private final Path directory;

	private final int port;

	private EmbeddedPostgres postgres;

	private ExternalPostgres(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	static ExternalPostgres start(Path directory) {
		ExternalPostgres database = new ExternalPostgres(directory, ServiceProcess.freePort());
		database.startAgain();
		return database;
	}

	/** Starts PostgreSQL on the same directory and port. */
	void startAgain() {
		try {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.directory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops PostgreSQL (a fast shutdown: open sessions are ended). */
	void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The service's settings for this database. */
	Map<String, String> settings() {
		return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres");
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
	}

	/**
	 * Moves tables to a tablespace on a tmpfs of the given size (mounted here; needs
	 * root).
	 * @param mount where to mount it
	 * @param size its size, as mount says it ({@code 4m})
	 * @param tables the tables (and their indexes) to move
	 */
	void tinyTablespace(Path mount, String size, String... tables)
			throws IOException, InterruptedException, SQLException {
		Files.createDirectories(mount);
		run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", mount.toString());
		Files.setOwner(mount, Files.getOwner(this.directory));
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("create tablespace tiny location '" + mount + "'");
			for (String table : tables) {
				statement.execute("alter table " + table + " set tablespace tiny");
				try (ResultSet indexes = connection.createStatement()
					.executeQuery("select indexname from pg_indexes where tablename = '" + table + "'")) {
					while (indexes.next()) {
						connection.createStatement()
							.execute("alter index " + indexes.getString(1) + " set tablespace tiny");
					}
				}
			}
		}
	}

	/** Grows the tmpfs under the tablespace: the disk is no longer full. */
	static void grow(Path mount, String size) throws IOException, InterruptedException {
		run("mount", "-o", "remount,size=" + size, mount.toString());
	}

	static void unmount(Path mount) {
		try {
			run("umount", "-l", mount.toString());
		}
		catch (IOException | InterruptedException ex) {
			// not mounted
		}
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IOException(String.join(" ", command) + ": " + output);
		}
	}

	@Override
	public void close() {
		stop();
	}

}
