package dev.paperboy.ingest.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;

import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.ingest.arxiv.AtomParser;
import dev.paperboy.ingest.huggingface.HuggingFaceParser;

import org.springframework.stereotype.Component;

/**
 * Reads paper files: Paperboy's JSON Lines, Hugging Face {@code daily_papers} JSON, or
 * arXiv Atom XML, told apart by their first character.
 */
@Component
class PaperFileReader {

	private final IngestProperties properties;

	private final Clock clock = Clock.systemUTC();

	PaperFileReader(IngestProperties properties) {
		this.properties = properties;
	}

	/**
	 * Reads a paper file of any supported format into a sink.
	 * @param in the content
	 * @param sink where records go
	 * @param source the source name records carry
	 * @throws SourceException when the file cannot be read or has no known format
	 */
	void read(InputStream in, RecordSink sink, String source) throws SourceException {
		RecordLimits limits = RecordLimits.of(this.properties, this.clock);
		BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
		switch (sniff(buffered)) {
			case '{' -> new JsonLinesParser(source, limits, (int) this.properties.maxRecordSize().toBytes())
				.parse(buffered, sink);
			case '[' -> new HuggingFaceParser(source, limits).parse(buffered, sink);
			case '<' -> new AtomParser(source, limits, true).parse(buffered, sink);
			case 0 -> throw new SourceException("the file is empty");
			default -> throw new SourceException(
					"unrecognized format: expected JSON Lines, Hugging Face daily_papers JSON or arXiv Atom XML");
		}
	}

	// The first character that is not white space or a byte order mark; 0 for none.
	private static char sniff(BufferedInputStream in) throws SourceException {
		try {
			in.mark(4096);
			int c;
			int read = 0;
			while ((c = in.read()) != -1 && read++ < 4096) {
				if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
					in.reset();
					return (char) c;
				}
			}
			in.reset();
			return 0;
		}
		catch (IOException ex) {
			throw new SourceException("could not read the file: " + ex.getMessage().toLowerCase(Locale.ROOT));
		}
	}

}
