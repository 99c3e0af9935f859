package dev.paperboy.ingest.files;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.FuzzedRecords;
import dev.paperboy.ingest.IngestProperties;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperRecord;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the JSON Lines parser and the file reader in front of all three formats: every
 * accepted record is valid and reads back unchanged from its own JSON Lines form. Seeds
 * are in {@code JsonLinesParserFuzzTestsInputs/}; see docs/reliability.md (Fuzzing).
 */
class JsonLinesParserFuzzTests {

	// The defaults but for the limits of FuzzedRecords, so the fuzzer reaches them.
	private static final IngestProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(
			Map.of("paperboy.ingest.max-title-length", FuzzedRecords.LIMITS.maxTitleLength(),
					"paperboy.ingest.max-abstract-length", FuzzedRecords.LIMITS.maxAbstractLength())))
		.bindOrCreate("paperboy.ingest", IngestProperties.class);

	@FuzzTest(maxDuration = "30s")
	void acceptedLinesReadBackUnchanged(byte[] input) {
		CollectingSink sink = parse(input);
		for (PaperRecord record : sink.accepted()) {
			FuzzedRecords.assertValid(record);
			assertRoundTrip(record);
		}
		assertThat(sink.accepted().size() + sink.rejections().size()).isLessThanOrEqualTo(input.length);
	}

	@FuzzTest(maxDuration = "30s")
	void anyPaperFileReadsIntoValidRecordsThatReadBackUnchanged(byte[] input) {
		CollectingSink sink = new CollectingSink();
		try {
			new PaperFileReader(PROPERTIES).read(new ByteArrayInputStream(input), sink, "file");
		}
		catch (SourceException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
		for (PaperRecord record : sink.accepted()) {
			FuzzedRecords.assertValid(record);
			assertRoundTrip(record);
		}
	}

	private static void assertRoundTrip(PaperRecord record) {
		String line = FuzzedRecords.toJsonLine(record);
		CollectingSink again = parse(line.getBytes(StandardCharsets.UTF_8));
		assertThat(again.rejections()).as("the JSON Lines form of %s is accepted", record).isEmpty();
		PaperRecord read = again.accepted().get(0);
		assertThat(read).isEqualTo(new PaperRecord("file", record.arxivId(), record.title(), record.abstractText(),
				record.authors(), record.categories(), record.links(), record.publishedOn(), record.featuredOn(),
				record.upvotes(), record.comments(), record.keywords(), record.summary()));
	}

	private static CollectingSink parse(byte[] input) {
		CollectingSink sink = new CollectingSink();
		try {
			new JsonLinesParser("file", FuzzedRecords.LIMITS, 64 * 1024).parse(new ByteArrayInputStream(input), sink);
		}
		catch (SourceException ex) {
			throw new AssertionError("a byte array is always readable", ex);
		}
		return sink;
	}

}
