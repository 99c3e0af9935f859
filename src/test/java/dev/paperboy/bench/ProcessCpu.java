package dev.paperboy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the processes a delivery takes: this JVM, the PostgreSQL server (its
 * postmaster and backends, found by port in {@code /proc}) and the SMTP sink. On a
 * machine shared with other work, CPU time per digest says more than the wall time.
 */
final class ProcessCpu {

	// Linux reports process times in clock ticks (USER_HZ): 100 a second on x86 and
	// ARM.
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ProcessCpu() {
	}

	/**
	 * @return this JVM's CPU time (all its threads), in nanoseconds
	 */
	static long jvm() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * @param pid a process
	 * @return its CPU time in nanoseconds, -1 where {@code /proc} does not tell
	 */
	static long process(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", pid + "", "stat"));
			// the fields after the command name, which may hold spaces, in parentheses
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * @param port the port PostgreSQL listens on
	 * @return CPU time of its postmaster and every process it started, in nanoseconds; -1
	 * where {@code /proc} does not tell
	 */
	static long postgres(int port) {
		long postmaster = postmaster(port);
		if (postmaster < 0) {
			return -1;
		}
		long total = process(postmaster);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((path) -> path.getFileName().toString().matches("\\d+")).toList()) {
				if (parent(process) == postmaster) {
					total += Math.max(0, process(Long.parseLong(process.getFileName().toString())));
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return total;
	}

	private static long postmaster(int port) {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((path) -> path.getFileName().toString().matches("\\d+")).toList()) {
				String command = commandLine(process);
				if (command.contains("postgres") && command.contains(" -p " + port + " ")) {
					return Long.parseLong(process.getFileName().toString());
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	private static String commandLine(Path process) {
		try {
			return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ')
					+ " ";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long parent(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"));
			return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
