package dev.paperboy.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.paperboy.ingest.FetchWindow;
import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SourceException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * An import directory: every file in it is imported and then moved to {@code imported/},
 * or to {@code failed/} when it could not be read, so it is never imported twice.
 */
@Component
class ImportDirectorySource implements PaperSource {

	private final IngestProperties.Files properties;

	private final PaperFileReader reader;

	ImportDirectorySource(IngestProperties properties, PaperFileReader reader) {
		this.properties = properties.files();
		this.reader = reader;
	}

	@Override
	public String name() {
		return "files";
	}

	@Override
	public boolean enabled() {
		return this.properties.directory() != null;
	}

	@Override
	public String schedule() {
		return this.properties.schedule();
	}

	@Override
	public String describe(@Nullable FetchWindow window) {
		return "directory " + this.properties.directory();
	}

	@Override
	public void fetch(@Nullable FetchWindow window, RecordSink sink) throws SourceException {
		Path directory = this.properties.directory();
		if (directory == null) {
			throw new SourceException("no import directory is configured (paperboy.ingest.files.directory)");
		}
		List<String> failures = new ArrayList<>();
		for (Path file : files(directory)) {
			boolean ok;
			try (InputStream in = Files.newInputStream(file)) {
				this.reader.read(in, sink, FileImporter.SOURCE);
				ok = true;
			}
			catch (IOException | SourceException ex) {
				failures.add(file.getFileName() + ": " + ex.getMessage());
				ok = false;
			}
			move(file, directory.resolve(ok ? "imported" : "failed"));
		}
		if (!failures.isEmpty()) {
			throw new SourceException(String.join("; ", failures));
		}
	}

	private static List<Path> files(Path directory) throws SourceException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new SourceException("could not list " + directory + ": " + ex.getMessage());
		}
	}

	private static void move(Path file, Path target) throws SourceException {
		try {
			Files.createDirectories(target);
			Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new SourceException("could not move " + file + " to " + target + ": " + ex.getMessage());
		}
	}

}
