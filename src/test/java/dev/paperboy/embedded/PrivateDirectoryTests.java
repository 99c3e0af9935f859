package dev.paperboy.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded data directory is its user's alone: created so, made so when others may
 * enter it (as {@code /tmp/embedded-pg}, mode 0777, was), refused when it is someone
 * else's.
 */
class PrivateDirectoryTests {

	@TempDir
	Path parent;

	@Test
	void createsTheDirectoryForItsOwnerOnly() throws IOException {
		Path data = PrivateDirectory.ensure(this.parent.resolve("data"));
		assertThat(permissions(data)).isEqualTo("rwx------");
	}

	@Test
	void makesADirectoryThatOthersMayWriteToPrivate() throws IOException {
		Path data = Files.createDirectory(this.parent.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
		PrivateDirectory.ensure(data);
		assertThat(permissions(data)).isEqualTo("rwx------");
	}

	@Test
	void refusesADirectoryOfAnotherUser() throws IOException {
		Path data = Files.createDirectory(this.parent.resolve("data"));
		UserPrincipal nobody;
		try {
			nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
		}
		catch (UserPrincipalNotFoundException ex) {
			nobody = null;
		}
		assumeThat(nobody).as("a user named nobody").isNotNull();
		assumeThat(System.getProperty("user.name")).as("root, who may give a directory away").isEqualTo("root");
		Files.setOwner(data, nobody);
		assertThatIOException().isThrownBy(() -> PrivateDirectory.ensure(data))
			.withMessageContaining("belongs to nobody");
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
