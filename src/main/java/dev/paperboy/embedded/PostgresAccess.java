package dev.paperboy.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who may log in to the embedded PostgreSQL: only with the password, over TCP on
 * 127.0.0.1 (SCRAM), never through a Unix socket. Done at every start, before the server
 * listens: the password is set in single-user mode (no network at all), then
 * {@code pg_hba.conf} is written. So a data directory from an earlier version, which
 * trusted every local connection, is locked on its first start with this one, and one
 * whose files were edited is put right again.
 */
final class PostgresAccess {

	static final String PG_HBA = """
			# Written by Paperboy's embedded mode at every start (edits are overwritten):
			# password logins (SCRAM) over TCP on the loopback address only.
			host all all 127.0.0.1/32 scram-sha-256
			""";

	private PostgresAccess() {
	}

	/**
	 * @param dataDirectory the PostgreSQL data directory, with no server running on it
	 * @param binaries the binaries
	 * @param password the superuser's password
	 */
	static void lock(Path dataDirectory, PostgresBinaries binaries, String password) {
		try {
			setPassword(dataDirectory, binaries, password);
			Path hba = dataDirectory.resolve("pg_hba.conf");
			Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot set the embedded PostgreSQL's password in " + dataDirectory, ex);
		}
	}

	private static void setPassword(Path dataDirectory, PostgresBinaries binaries, String password) throws IOException {
		List<String> command = new ArrayList<>(List.of(binaries.command("postgres")));
		command.addAll(List.of("--single", "-D", dataDirectory.toString(), "-c", "listen_addresses=", "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		// One statement per line; the value never reaches a log (nothing is echoed).
		try (OutputStream in = process.getOutputStream()) {
			in.write(("SET password_encryption = 'scram-sha-256'\nALTER ROLE postgres PASSWORD '"
					+ password.replace("'", "''") + "'\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		// Errors only (a STATEMENT line would show the password).
		List<String> errors = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.contains("ERROR:") || line.contains("FATAL:"))
			.toList();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("postgres --single did not finish within 5 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		if (process.exitValue() != 0 || !errors.isEmpty()) {
			throw new IOException("postgres --single exited with " + process.exitValue() + ": " + errors);
		}
	}

}
