package dev.paperboy.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: {@code java -jar target/paperboy.jar} (or, when the
 * jar has not been built, the same main class from the test class path) in a process of
 * its own, with its settings as arguments and its log in a file. It can be stopped as a
 * machine stops it: SIGTERM ({@link #terminate}) or SIGKILL ({@link #kill}).
 */
final class ServiceProcess {

	static final String TOKEN = "fault-suite-admin-token-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, String> settings;

	private final Path log;

	private final int port;

	private Process process;

	private int starts;

	ServiceProcess(Map<String, String> settings, Path log) {
		this.port = freePort();
		this.settings = new TreeMap<>(settings);
		this.settings.put("server.port", Integer.toString(this.port));
		this.settings.put("paperboy.admin.api-token", TOKEN);
		this.log = log;
	}

	/** Starts the service and waits until {@code /actuator/health} says UP. */
	ServiceProcess start(Duration timeout) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
						"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
		if (packaged() && !Boolean.getBoolean("faults.classpath")) {
			Path jar = Path.of("target", "paperboy.jar");
			command.addAll(List.of("-jar", jar.toString()));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.paperboy.Paperboy"));
		}
		this.settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Files.createDirectories(this.log.getParent());
			this.starts++;
			Files.writeString(this.log, "=== start " + this.starts + ": " + String.join(" ", command) + "\n",
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitHealthy(timeout);
		return this;
	}

	// The jar when it is newer than the compiled classes (./mvnw package -DskipTests),
	// otherwise the test class path: a stale jar would test yesterday's code.
	private static boolean packaged() {
		Path jar = Path.of("target", "paperboy.jar");
		Path main = Path.of("target", "classes", "dev", "paperboy", "Paperboy.class");
		try {
			return Files.isRegularFile(jar)
					&& Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(main)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits until the health endpoint answers UP; fails when the process dies or time is
	 * up.
	 */
	void awaitHealthy(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!healthy()) {
			if (!this.process.isAlive()) {
				throw new AssertionError("the service exited with " + this.process.exitValue() + " before it was"
						+ " healthy; its log: " + this.log);
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the service was not healthy within " + timeout + "; its log: " + this.log);
			}
			sleep(Duration.ofMillis(250));
		}
	}

	boolean healthy() {
		try {
			return get("/actuator/health").contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** SIGKILL: the JVM ends at once, running nothing. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/**
	 * SIGTERM: a graceful shutdown.
	 * @return how long the process took to exit
	 */
	Duration terminate(Duration timeout) {
		long started = System.nanoTime();
		this.process.destroy();
		awaitExit(timeout);
		return Duration.ofNanos(System.nanoTime() - started);
	}

	int exitValue() {
		return this.process.exitValue();
	}

	private void awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				throw new AssertionError("the service did not exit within " + timeout + "; its log: " + this.log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Stops a process still running at the end of a test (SIGKILL, then its children).
	 */
	void destroy() {
		if (this.process != null && this.process.isAlive()) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The log since the last start. */
	String lastLog() {
		String all = log();
		return all.substring(all.lastIndexOf("=== start "));
	}

	Path logFile() {
		return this.log;
	}

	String get(String path) throws IOException {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	String post(String path) throws IOException {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Uploads a file as the admin API's multipart {@code file} part. */
	String upload(String path, Path file) throws IOException {
		String boundary = "fault-suite-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/x-ndjson\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))));
	}

	private String send(HttpRequest.Builder request) throws IOException {
		try {
			HttpResponse<String> response = HTTP.send(
					request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofMinutes(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IOException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
