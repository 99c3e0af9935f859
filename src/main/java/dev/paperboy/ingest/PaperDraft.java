package dev.paperboy.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.paperboy.papers.PaperKeys;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import org.jspecify.annotations.Nullable;

/**
 * A record as a parser read it, still raw. {@link #build(RecordLimits)} validates it the
 * same way for every source and says exactly what is wrong.
 */
public final class PaperDraft {

	private static final Pattern CATEGORY = Pattern.compile("[a-zA-Z][a-zA-Z\\-]*(\\.[A-Za-z\\-]+)?");

	private final String source;

	private @Nullable String arxivId;

	private @Nullable String title;

	private @Nullable String abstractText;

	private List<String> authors = List.of();

	private List<String> categories = List.of();

	private List<String> keywords = List.of();

	private @Nullable String summary;

	private @Nullable String arxivUrl;

	private @Nullable String pdfUrl;

	private @Nullable String huggingFaceUrl;

	private @Nullable String codeUrl;

	private @Nullable String projectUrl;

	private @Nullable String publishedOn;

	private @Nullable String featuredOn;

	private @Nullable Long upvotes;

	private @Nullable Long comments;

	public PaperDraft(String source) {
		this.source = source;
	}

	public PaperDraft arxivId(@Nullable String arxivId) {
		this.arxivId = arxivId;
		return this;
	}

	public PaperDraft title(@Nullable String title) {
		this.title = title;
		return this;
	}

	public PaperDraft abstractText(@Nullable String abstractText) {
		this.abstractText = abstractText;
		return this;
	}

	public PaperDraft authors(List<String> authors) {
		this.authors = authors;
		return this;
	}

	public PaperDraft categories(List<String> categories) {
		this.categories = categories;
		return this;
	}

	public PaperDraft keywords(List<String> keywords) {
		this.keywords = keywords;
		return this;
	}

	public PaperDraft summary(@Nullable String summary) {
		this.summary = summary;
		return this;
	}

	public PaperDraft links(@Nullable String arxiv, @Nullable String pdf, @Nullable String huggingFace,
			@Nullable String code, @Nullable String project) {
		this.arxivUrl = arxiv;
		this.pdfUrl = pdf;
		this.huggingFaceUrl = huggingFace;
		this.codeUrl = code;
		this.projectUrl = project;
		return this;
	}

	/**
	 * @param publishedOn an ISO date, or an ISO date-time whose UTC date counts
	 * @return this draft
	 */
	public PaperDraft publishedOn(@Nullable String publishedOn) {
		this.publishedOn = publishedOn;
		return this;
	}

	/**
	 * @param featuredOn an ISO date, or an ISO date-time whose UTC date counts
	 * @return this draft
	 */
	public PaperDraft featuredOn(@Nullable String featuredOn) {
		this.featuredOn = featuredOn;
		return this;
	}

	public PaperDraft popularity(@Nullable Long upvotes, @Nullable Long comments) {
		this.upvotes = upvotes;
		this.comments = comments;
		return this;
	}

	/**
	 * Validates the draft.
	 * @param limits the bounds to respect
	 * @return the record
	 * @throws RejectedRecordException saying what is wrong
	 */
	public PaperRecord build(RecordLimits limits) throws RejectedRecordException {
		String title = required("title", this.title, limits.maxTitleLength());
		String abstractText = required("abstract", this.abstractText, limits.maxAbstractLength());
		String id = null;
		if (this.arxivId != null && !this.arxivId.isBlank()) {
			id = PaperKeys.arxivId(this.arxivId)
				.orElseThrow(() -> new RejectedRecordException("'" + shorten(this.arxivId) + "' is not an arXiv id"));
		}
		PaperLinks defaults = (id != null) ? PaperLinks.forArxiv(id) : PaperLinks.NONE;
		PaperLinks links = new PaperLinks(url("arXiv link", this.arxivUrl, defaults.arxiv()),
				url("PDF link", this.pdfUrl, defaults.pdf()), url("Hugging Face link", this.huggingFaceUrl, null),
				url("code link", this.codeUrl, null), url("project link", this.projectUrl, null));
		return new PaperRecord(this.source, id, title, abstractText, list("author", this.authors),
				validCategories(this.categories), links, date("publication date", this.publishedOn, limits),
				date("featured date", this.featuredOn, limits), count("upvotes", this.upvotes),
				count("comments", this.comments), list("keyword", this.keywords),
				optional("summary", this.summary, RecordLimits.MAX_SUMMARY));
	}

	private static String required(String field, @Nullable String value, int maxLength) throws RejectedRecordException {
		String text = (value != null) ? clean(field, value) : "";
		if (text.isEmpty()) {
			throw new RejectedRecordException("missing " + field);
		}
		if (text.length() > maxLength) {
			throw new RejectedRecordException(String.format(Locale.ROOT, "%s is %,d characters, over the limit of %,d",
					field, text.length(), maxLength));
		}
		return text;
	}

	private static @Nullable String optional(String field, @Nullable String value, int maxLength)
			throws RejectedRecordException {
		if (value == null) {
			return null;
		}
		String text = clean(field, value);
		if (text.length() > maxLength) {
			throw new RejectedRecordException(String.format(Locale.ROOT, "%s is %,d characters, over the limit of %,d",
					field, text.length(), maxLength));
		}
		return text.isEmpty() ? null : text;
	}

	private static List<String> list(String field, List<String> values) throws RejectedRecordException {
		if (values.size() > RecordLimits.MAX_LIST) {
			throw new RejectedRecordException(
					"more than " + RecordLimits.MAX_LIST + " " + field + "s (" + values.size() + ")");
		}
		List<String> cleaned = new ArrayList<>(values.size());
		for (String value : values) {
			String text = optional(field, value, RecordLimits.MAX_SHORT_TEXT);
			if (text != null && !cleaned.contains(text)) {
				cleaned.add(text);
			}
		}
		return cleaned;
	}

	private static List<String> validCategories(List<String> values) throws RejectedRecordException {
		List<String> cleaned = list("category", values);
		for (String category : cleaned) {
			if (!CATEGORY.matcher(category).matches()) {
				throw new RejectedRecordException("'" + shorten(category) + "' is not an arXiv category");
			}
		}
		return cleaned;
	}

	private static @Nullable String url(String field, @Nullable String value, @Nullable String fallback)
			throws RejectedRecordException {
		String text = optional(field, value, RecordLimits.MAX_URL);
		if (text == null) {
			return fallback;
		}
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new RejectedRecordException(field + " '" + shorten(text) + "' is not an http or https URL");
	}

	private static @Nullable LocalDate date(String field, @Nullable String value, RecordLimits limits)
			throws RejectedRecordException {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		LocalDate date;
		try {
			date = (text.length() <= 10) ? LocalDate.parse(text)
					: OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw new RejectedRecordException(field + " '" + shorten(text) + "' is not a valid date");
		}
		if (date.isBefore(RecordLimits.EARLIEST) || date.isAfter(limits.latest())) {
			throw new RejectedRecordException(field + " " + date + " is out of range");
		}
		return date;
	}

	private static @Nullable Integer count(String field, @Nullable Long value) throws RejectedRecordException {
		if (value == null) {
			return null;
		}
		if (value < 0 || value > Integer.MAX_VALUE) {
			throw new RejectedRecordException(field + " " + value + " is out of range");
		}
		return value.intValue();
	}

	/**
	 * Collapses white space and refuses control characters and broken UTF-16 (the trace
	 * of invalid UTF-8 or bad escapes); markup is kept as the text it is. One pass, no
	 * regular expression: this runs on every abstract.
	 */
	static String clean(String field, String value) throws RejectedRecordException {
		StringBuilder out = new StringBuilder(value.length());
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				appendSpace(out, space);
				space = false;
				out.append(c).append(value.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				throw new RejectedRecordException(field + " contains invalid Unicode (an unpaired surrogate)");
			}
			else if (c == ' ' || isLayout(c)) {
				space = true;
			}
			else if (Character.isISOControl(c)) {
				throw new RejectedRecordException(
						String.format(Locale.ROOT, "%s contains control character U+%04X", field, (int) c));
			}
			else {
				appendSpace(out, space);
				space = false;
				out.append(c);
			}
		}
		return out.toString();
	}

	private static void appendSpace(StringBuilder out, boolean space) {
		if (space && !out.isEmpty()) {
			out.append(' ');
		}
	}

	// Tab, line feed, vertical tab, form feed, carriage return: collapsed to spaces.
	private static boolean isLayout(char c) {
		return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/**
	 * @param category a category term
	 * @return whether it looks like an arXiv category ({@code cs.AI}, {@code hep-th}), as
	 * opposed to an ACM or MSC class ({@code I.2.9}, {@code 68T05})
	 */
	public static boolean isArxivCategory(String category) {
		return CATEGORY.matcher(category).matches();
	}

	static String shorten(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 80) + "…";
	}

}
