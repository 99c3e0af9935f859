package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL still running on the embedded data directory because the process that
 * started it was killed ({@code kill -9}, a crash): it would hold the directory, and the
 * new start would fail. It is stopped the way PostgreSQL is meant to be stopped (a fast
 * shutdown, SIGINT: clients disconnected, open transactions rolled back, a clean
 * checkpoint written), never removed by force.
 */
final class LeftoverPostgres {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

	private LeftoverPostgres() {
	}

	/**
	 * Stops the postmaster named in the data directory's {@code postmaster.pid} if it is
	 * alive and serves that directory.
	 * @param dataDirectory the embedded data directory (absolute, normalized)
	 * @param wait how long to wait for it to stop
	 * @return whether one was stopped
	 * @throws IOException when it does not stop in time
	 */
	static boolean stop(Path dataDirectory, Duration wait) throws IOException {
		Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
		if (postmaster.isEmpty()) {
			return false;
		}
		ProcessHandle process = postmaster.get();
		log.warn("Embedded mode: a PostgreSQL (pid {}) is still running on {}, left by a process that was killed;"
				+ " stopping it first", process.pid(), dataDirectory);
		fastShutdown(process);
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IOException("the PostgreSQL left running on " + dataDirectory + " (pid " + process.pid()
					+ ") did not stop within " + wait.toSeconds() + " s; stop it, then start again", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for PostgreSQL to stop", ex);
		}
	}

	// SIGINT; ProcessHandle only sends SIGTERM (a smart shutdown, which would wait for
	// any client still connected, e.g. an operator's psql).
	private static void fastShutdown(ProcessHandle process) throws IOException {
		try {
			if (new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor() != 0) {
				process.destroy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping PostgreSQL", ex);
		}
	}

	// postmaster.pid: the first line is the postmaster's pid, the second its data
	// directory. A stale file (a pid reused by another program) names no live postgres
	// serving this directory, and is left to PostgreSQL, which handles it.
	static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")) {
			return Optional.empty();
		}
		if (!Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dataDirectory)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter((
					process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false));
	}

}
