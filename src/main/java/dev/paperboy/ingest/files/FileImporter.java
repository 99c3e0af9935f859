package dev.paperboy.ingest.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.FetchService;
import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.arxiv.AtomParser;
import dev.paperboy.ingest.huggingface.HuggingFaceParser;

import org.springframework.stereotype.Component;

/**
 * Imports paper files as recorded runs.
 */
@Component
public class FileImporter {

	/** The source name file imports are recorded under. */
	public static final String SOURCE = "file";

	private final FetchService fetches;

	private final PaperFileReader reader;

	FileImporter(FetchService fetches, PaperFileReader reader) {
		this.fetches = fetches;
		this.reader = reader;
	}

	public FetchRun importFile(Path path, Trigger trigger) {
		return this.fetches.run(SOURCE, trigger, path.getFileName().toString(), (sink) -> {
			try (InputStream in = Files.newInputStream(path)) {
				this.reader.read(in, sink, SOURCE);
			}
			catch (IOException ex) {
				throw new SourceException("could not read " + path + ": " + ex.getMessage());
			}
		});
	}

	/**
	 * Imports a stream, such as an upload, as a recorded run.
	 * @param source the source name to record
	 * @param name the file name, for the record
	 * @param in the content
	 * @param trigger what started it
	 * @return the finished run
	 */
	/**
	 * Imports a file in the background, as a recorded run, and deletes it when done: an
	 * upload whose progress the console follows.
	 * @param name the file name, for the record
	 * @param file a file of this import's own, deleted after
	 * @param trigger what started it
	 * @return the run, still RUNNING
	 */
	public FetchRun begin(String name, Path file, Trigger trigger) {
		return this.fetches.begin(SOURCE, trigger, name, (sink) -> {
			try (InputStream in = Files.newInputStream(file)) {
				this.reader.read(in, sink, SOURCE);
			}
			catch (IOException ex) {
				throw new SourceException("could not read the upload: " + ex.getMessage());
			}
			finally {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a leftover temporary file; the system's cleaner takes it
				}
			}
		});
	}

	public FetchRun importStream(String source, String name, InputStream in, Trigger trigger) {
		return this.fetches.run(source, trigger, name, (sink) -> this.reader.read(in, sink, source));
	}

}
