package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory only the user running Paperboy may enter: the embedded data directory holds
 * the secrets, the database and the PostgreSQL binaries that run as that user. One that
 * others may read or write is made private (and the log says so); one that belongs to
 * another user is refused, since that user could swap the binaries.
 */
final class PrivateDirectory {

	private static final Logger log = LoggerFactory.getLogger(PrivateDirectory.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private PrivateDirectory() {
	}

	/**
	 * Creates the directory (and its parents) if needed, owner-only.
	 * @param directory the directory
	 * @return the directory, absolute and normalized
	 * @throws IOException when it cannot be created, or belongs to someone else
	 */
	static Path ensure(Path directory) throws IOException {
		Path path = directory.toAbsolutePath().normalize();
		boolean existed = Files.isDirectory(path);
		Files.createDirectories(path);
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
		if (view == null) {
			return path; // not a POSIX file system: nothing to check
		}
		UserPrincipal owner = view.getOwner();
		UserPrincipal me = me(path);
		if (me != null && !owner.equals(me)) {
			throw new IOException(path + " belongs to " + owner.getName() + ", not to " + me.getName()
					+ ", who runs Paperboy: give it to " + me.getName() + " (chown) or choose another "
					+ "paperboy.embedded.data-dir");
		}
		Set<PosixFilePermission> permissions = view.readAttributes().permissions();
		if (!permissions.equals(OWNER_ONLY)) {
			view.setPermissions(OWNER_ONLY);
			if (existed) {
				log.info("Embedded mode: {} was {}; made it private (rwx------)", path,
						PosixFilePermissions.toString(permissions));
			}
		}
		return path;
	}

	// The user running Paperboy; unknown when it has no name (a uid without a passwd
	// entry, as in some containers), and then not checked.
	private static @Nullable UserPrincipal me(Path path) {
		try {
			return path.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(System.getProperty("user.name"));
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Makes a directory owner-only again, silently (after a library opened it up).
	 * @param directory the directory
	 * @throws IOException when it cannot
	 */
	static void restore(Path directory) throws IOException {
		if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(directory, OWNER_ONLY);
		}
	}

}
