package dev.paperboy.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package says what it is for in a one-line Javadoc and is {@code @NullMarked}
 * (JSpecify): what may be null is marked {@code @Nullable}, everything else is not null.
 */
class PackageInfoTests {

	private static final Pattern JAVADOC_THEN_NULL_MARKED = Pattern.compile(
			"(?s)^/\\*\\*\\s*\\n\\s*\\*\\s*\\S.*?\\*/.*@(org\\.jspecify\\.annotations\\.)?NullMarked\\b.*\\bpackage\\s");

	@Test
	void everyPackageHasAPackageInfoWithJavadocAndNullMarked() throws IOException {
		assertThat(problems(Path.of("src/main/java"), "dev/paperboy")).isEmpty();
	}

	@Test
	void reportsAPackageWithoutPackageInfo() throws IOException {
		assertThat(problems(Path.of("src/test/java"), "archfixture"))
			.containsExactly("archfixture/shelf/web has no package-info.java");
	}

	@Test
	void reportsAPackageInfoWithoutJavadocOrNullMarked() {
		assertThat(JAVADOC_THEN_NULL_MARKED.matcher("@NullMarked\npackage a;\n").find()).isFalse();
		assertThat(JAVADOC_THEN_NULL_MARKED.matcher("/**\n * Does a.\n */\npackage a;\n").find()).isFalse();
		assertThat(JAVADOC_THEN_NULL_MARKED.matcher("/**\n * Does a.\n */\n@NullMarked\npackage a;\n").find()).isTrue();
	}

	/**
	 * What is wrong with the packages under a directory: each package that has Java types
	 * needs a {@code package-info.java} with a Javadoc and {@code @NullMarked}.
	 */
	static List<String> problems(Path sourceRoot, String top) throws IOException {
		try (Stream<Path> directories = Files.walk(sourceRoot.resolve(top))) {
			return directories.filter(Files::isDirectory)
				.filter(PackageInfoTests::hasTypes)
				.sorted()
				.map((directory) -> problem(sourceRoot, directory))
				.filter((problem) -> !problem.isEmpty())
				.toList();
		}
	}

	private static boolean hasTypes(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch((file) -> file.toString().endsWith(".java")
					&& !file.getFileName().toString().equals("package-info.java"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String problem(Path sourceRoot, Path directory) {
		String name = sourceRoot.relativize(directory).toString().replace('\\', '/');
		Path packageInfo = directory.resolve("package-info.java");
		if (!Files.exists(packageInfo)) {
			return name + " has no package-info.java";
		}
		try {
			return JAVADOC_THEN_NULL_MARKED.matcher(Files.readString(packageInfo)).find() ? ""
					: name + "/package-info.java lacks a Javadoc line or @NullMarked";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
