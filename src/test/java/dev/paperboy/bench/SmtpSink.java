package dev.paperboy.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's {@code smtp-sink} on a loopback port, as a child process: it accepts every
 * message and throws it away, counting them ({@code -c}); the bytes it read come from
 * {@code /proc/<pid>/io}. {@link #blast} sends a raw load into it with Postfix's
 * {@code smtp-source}, the baseline the benchmark compares with.
 */
final class SmtpSink implements AutoCloseable {

	private static final Pattern MESSAGES = Pattern.compile("mesg=(\\d+)");

	private static final Pattern READ = Pattern.compile("(?m)^rchar: (\\d+)$");

	private final String sourceCommand;

	private final int port;

	private final Path counters;

	private final Process process;

	private SmtpSink(String sourceCommand, int port, Path counters, Process process) {
		this.sourceCommand = sourceCommand;
		this.port = port;
		this.counters = counters;
		this.process = process;
	}

	/**
	 * Starts {@code smtp-sink} on a free port of 127.0.0.1 and waits until it answers.
	 * @param sinkCommand the smtp-sink program
	 * @param sourceCommand the smtp-source program
	 * @return the running sink
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	static SmtpSink start(String sinkCommand, String sourceCommand) throws IOException, InterruptedException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		Path counters = Files.createTempFile("paperboy-smtp-sink", ".out");
		List<String> command = new ArrayList<>(List.of(sinkCommand, "-c"));
		if ("root".equals(System.getProperty("user.name"))) {
			// smtp-sink refuses to run as root without a user to switch to
			command.addAll(List.of("-u", "nobody"));
		}
		command.addAll(List.of("127.0.0.1:" + port, "1000"));
		Process process = new ProcessBuilder(command).redirectOutput(counters.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		SmtpSink sink = new SmtpSink(sourceCommand, port, counters, process);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return sink;
			}
			catch (IOException ex) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					sink.close();
					throw new IOException(sinkCommand + " did not start on port " + port, ex);
				}
				Thread.sleep(50);
			}
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * @return messages accepted so far, by the sink's own counter
	 * @throws IOException when its output cannot be read
	 */
	long messages() throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(this.counters.toFile(), "r")) {
			long start = Math.max(0, file.length() - 256);
			byte[] tail = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(tail);
			Matcher matcher = MESSAGES.matcher(new String(tail, StandardCharsets.US_ASCII));
			long last = 0;
			while (matcher.find()) {
				last = Long.parseLong(matcher.group(1));
			}
			return last;
		}
	}

	/**
	 * @return bytes the sink has read (from its sockets: commands and messages), or -1
	 * where {@code /proc} does not tell
	 */
	long bytesRead() {
		try {
			Matcher matcher = READ.matcher(Files.readString(Path.of("/proc", this.process.pid() + "", "io")));
			return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * @return the sink's CPU time in nanoseconds, -1 where {@code /proc} does not tell
	 */
	long cpu() {
		return ProcessCpu.process(this.process.pid());
	}

	/**
	 * Sends a raw load with {@code smtp-source} and waits for it.
	 * @param messages how many messages
	 * @param sessions SMTP sessions in parallel
	 * @param length each message's body length in bytes
	 * @param reuse whether each session sends its messages over one connection
	 * ({@code -d}) rather than one connection per message
	 * @return the wall time in nanoseconds
	 * @throws IOException when smtp-source cannot be run or fails
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	long blast(int messages, int sessions, int length, boolean reuse) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.sourceCommand));
		if (reuse) {
			command.add("-d");
		}
		command.addAll(List.of("-l", length + "", "-m", messages + "", "-s", sessions + "", "-S",
				"Raw blast of " + length + " bytes", "127.0.0.1:" + this.port));
		long started = System.nanoTime();
		Process source = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		int exit = source.waitFor();
		long elapsed = System.nanoTime() - started;
		if (exit != 0) {
			throw new IOException(String.join(" ", command) + " exited with " + exit);
		}
		return elapsed;
	}

	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		Files.deleteIfExists(this.counters);
	}

}
