package dev.paperboy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Paperboy on its embedded defaults as a process of its own (the test's class path), in a
 * working directory, its output in a log file: what {@code java -jar paperboy.jar} in an
 * empty directory is, so that it can be killed and signalled for real.
 */
final class ChildService {

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in ");

	private final Process process;

	private final Path log;

	private ChildService(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static ChildService start(Path directory, String logName, Class<?> main, String... arguments) {
		Path log = directory.resolve(logName);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
						main.getName(), "--server.port=0", "--paperboy.ingest.hugging-face.enabled=false",
						"--paperboy.ingest.arxiv.enabled=false"));
		command.addAll(List.of(arguments));
		try {
			return new ChildService(new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChildService awaitStarted() {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (!this.process.isAlive()) {
				throw new AssertionError("the service exited with " + this.process.exitValue() + ":\n" + log());
			}
			return STARTED.matcher(log()).find();
		});
		return this;
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code kill -9}. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(1, TimeUnit.MINUTES);
	}

	/** {@code kill} (SIGTERM), and waits for the exit. */
	int terminate() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
			this.process.destroyForcibly();
			throw new AssertionError("no exit within 2 minutes of SIGTERM:\n" + log());
		}
		return this.process.exitValue();
	}

	void ensureStopped() {
		this.process.destroyForcibly();
	}

}
