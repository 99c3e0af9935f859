package dev.paperboy.ingest.huggingface;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperboy.ingest.CollectingSink;
import dev.paperboy.ingest.FuzzedRecords;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperRecord;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the Hugging Face daily_papers parser: every accepted item is a valid record and
 * reads back unchanged from the daily_papers JSON written for it. Seeds are in
 * {@code HuggingFaceParserFuzzTestsInputs/}; see docs/reliability.md (Fuzzing).
 */
class HuggingFaceParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@FuzzTest(maxDuration = "30s")
	void acceptedItemsReadBackUnchanged(byte[] input) {
		CollectingSink sink = new CollectingSink();
		int items;
		try {
			items = parse(input, sink);
		}
		catch (SourceException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			items = sink.accepted().size() + sink.rejections().size();
		}
		assertThat(sink.accepted().size() + sink.rejections().size()).isEqualTo(items);
		for (PaperRecord record : sink.accepted()) {
			FuzzedRecords.assertValid(record);
			CollectingSink again = new CollectingSink();
			String json = JSON.writeValueAsString(List.of(item(record)));
			try {
				parse(json.getBytes(StandardCharsets.UTF_8), again);
			}
			catch (SourceException ex) {
				throw new AssertionError("the JSON written for " + record + " is readable", ex);
			}
			assertThat(again.rejections()).as("%s is accepted", json).isEmpty();
			assertThat(again.accepted()).containsExactly(record);
		}
	}

	private static int parse(byte[] input, CollectingSink sink) throws SourceException {
		return new HuggingFaceParser("huggingface", FuzzedRecords.LIMITS).parse(new ByteArrayInputStream(input), sink);
	}

	// An item as the daily_papers API writes it.
	private static Map<String, Object> item(PaperRecord record) {
		Map<String, Object> paper = new LinkedHashMap<>();
		paper.put("id", record.arxivId());
		paper.put("title", record.title());
		paper.put("summary", record.abstractText());
		paper.put("authors", record.authors().stream().map((name) -> Map.of("name", name)).toList());
		paper.put("publishedAt", (record.publishedOn() != null) ? record.publishedOn() + "T00:00:00.000Z" : null);
		paper.put("submittedOnDailyAt", (record.featuredOn() != null) ? record.featuredOn() + "T08:00:00.000Z" : null);
		paper.put("upvotes", record.upvotes());
		paper.put("ai_keywords", record.keywords());
		paper.put("ai_summary", record.summary());
		paper.put("githubRepo", record.links().code());
		paper.put("projectPage", record.links().project());
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("paper", paper);
		item.put("numComments", record.comments());
		return item;
	}

}
