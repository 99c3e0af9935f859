package dev.paperboy.ingest.huggingface;

import java.io.InputStream;

import dev.paperboy.ingest.JsonFields;
import dev.paperboy.ingest.PaperDraft;
import dev.paperboy.ingest.RecordLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.RejectedRecordException;
import dev.paperboy.ingest.SourceException;
import dev.paperboy.papers.PaperKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Hugging Face {@code daily_papers} JSON: an array of items, each with the
 * paper under {@code paper} and the comment count on the item. Items are read one at a
 * time, so a large file never sits in memory whole; unknown fields are ignored, as the
 * API adds them freely.
 */
public final class HuggingFaceParser {

	private static final JsonMapper JSON = JsonMapper.shared();

	// Reads one item of the array; the rest of the array follows it.
	private static final ObjectReader ITEM = JSON.readerFor(JsonNode.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final String source;

	private final RecordLimits limits;

	public HuggingFaceParser(String source, RecordLimits limits) {
		this.source = source;
		this.limits = limits;
	}

	/**
	 * Reads every item into the sink.
	 * @param in the JSON document
	 * @param sink where records and rejections go
	 * @return the number of items read, valid or not
	 * @throws SourceException when the document is not a JSON array or breaks off; items
	 * before the break are in the sink
	 */
	public int parse(InputStream in, RecordSink sink) throws SourceException {
		int index = 0;
		int complete = 0;
		try (JsonParser parser = JSON.createParser(in)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new SourceException("expected a JSON array of daily papers");
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == null) {
					throw new SourceException("the JSON array ends early after item " + index);
				}
				index++;
				if (token != JsonToken.START_OBJECT) {
					parser.skipChildren();
					complete = index;
					sink.reject("item " + index, "item is not a JSON object", null);
					continue;
				}
				JsonNode item = ITEM.readValue(parser);
				complete = index;
				read(index, item, sink);
			}
			return index;
		}
		catch (JacksonException ex) {
			throw new SourceException("malformed JSON at line " + ex.getLocation().getLineNr() + " column "
					+ ex.getLocation().getColumnNr() + ", after " + complete + " complete items: "
					+ ex.getOriginalMessage());
		}
	}

	private void read(int index, JsonNode item, RecordSink sink) {
		JsonNode paper = item.path("paper");
		String id = paper.path("id").isString() ? paper.path("id").stringValue() : null;
		String record = "item " + index + ((id != null) ? " (" + shorten(id) + ")" : "");
		try {
			if (!paper.isObject()) {
				throw new RejectedRecordException("item has no 'paper' object");
			}
			String title = JsonFields.text(paper, "title");
			String arxivId = JsonFields.text(paper, "id");
			String page = PaperKeys.arxivId(arxivId).map((key) -> "https://huggingface.co/papers/" + key).orElse(null);
			sink.accept(new PaperDraft(this.source).arxivId(arxivId)
				.title((title != null) ? title : JsonFields.text(item, "title"))
				.abstractText(JsonFields.text(paper, "summary"))
				.authors(JsonFields.strings(paper, "authors", "name"))
				.publishedOn(JsonFields.text(paper, "publishedAt"))
				.featuredOn(JsonFields.text(paper, "submittedOnDailyAt"))
				.popularity(JsonFields.number(paper, "upvotes"), JsonFields.number(item, "numComments"))
				.keywords(JsonFields.strings(paper, "ai_keywords", null))
				.summary(JsonFields.text(paper, "ai_summary"))
				.links(null, null, page, JsonFields.text(paper, "githubRepo"), JsonFields.text(paper, "projectPage"))
				.build(this.limits));
		}
		catch (RejectedRecordException ex) {
			sink.reject(record, ex.getMessage(), JsonFields.excerpt(item));
		}
	}

	private static String shorten(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
