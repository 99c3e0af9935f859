package dev.paperboy.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.FuzzedRecords;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the arXiv Atom parser: every accepted entry is a valid record and reads back
 * unchanged from the Atom entry written for it. Seeds are in
 * {@code AtomParserFuzzTestsInputs/}; see docs/reliability.md (Fuzzing).
 */
class AtomParserFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void acceptedEntriesReadBackUnchanged(byte[] input) {
		CollectingSink sink = new CollectingSink();
		try {
			parse(input, sink);
		}
		catch (SourceException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
		for (PaperRecord record : sink.accepted()) {
			FuzzedRecords.assertValid(record);
			CollectingSink again = new CollectingSink();
			String feed = feed(record);
			try {
				assertThat(parse(feed.getBytes(StandardCharsets.UTF_8), again).entries()).isEqualTo(1);
			}
			catch (SourceException ex) {
				throw new AssertionError("the feed written for " + record + " is readable: " + feed, ex);
			}
			assertThat(again.rejections()).as("%s is accepted", feed).isEmpty();
			assertThat(again.accepted()).containsExactly(record);
		}
	}

	private static AtomParser.Result parse(byte[] input, CollectingSink sink) throws SourceException {
		return new AtomParser("arxiv", FuzzedRecords.LIMITS, true).parse(new ByteArrayInputStream(input), sink);
	}

	// A feed of one entry as arXiv's query API writes it.
	private static String feed(PaperRecord record) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>");
		if (record.arxivId() != null) {
			xml.append("<id>http://arxiv.org/abs/").append(record.arxivId()).append("v1</id>");
		}
		xml.append("<title>").append(escape(record.title())).append("</title>");
		xml.append("<summary>").append(escape(record.abstractText())).append("</summary>");
		if (record.publishedOn() != null) {
			xml.append("<published>").append(record.publishedOn()).append("T00:00:00Z</published>");
		}
		for (String author : record.authors()) {
			xml.append("<author><name>").append(escape(author)).append("</name></author>");
		}
		for (String category : record.categories()) {
			xml.append("<category term=\"").append(escape(category)).append("\"/>");
		}
		return xml.append("</entry></feed>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
