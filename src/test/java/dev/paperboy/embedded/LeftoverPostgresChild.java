package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a PostgreSQL on a data directory and exits without stopping it: what a run
 * killed with {@code kill -9} leaves behind. A process of its own, so that its lock on
 * the directory goes with it, as a killed JVM's does.
 */
public final class LeftoverPostgresChild {

	private LeftoverPostgresChild() {
	}

	public static void main(String[] args) throws IOException {
		EmbeddedPostgres.builder()
			.setDataDirectory(Path.of(args[0]))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		Runtime.getRuntime().halt(0);
	}

}
