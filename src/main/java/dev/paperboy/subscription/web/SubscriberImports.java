package dev.paperboy.subscription.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.InvalidInputException;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports CSV files of subscribers who already consented, one line at a time through
 * {@link SubscriptionService#importActive} (as the admin API's single import): a bad line
 * is reported and the next one goes on. Runs one file at a time, in the background; the
 * last runs stay in memory for their progress and report.
 */
@Component
class SubscriberImports implements DisposableBean {

	static final List<String> COLUMNS = List.of("email", "interests", "keywords", "authors", "categories", "cadence",
			"weekday", "delivery_hour", "time_zone", "papers_per_digest", "min_upvotes", "liked_papers");

	static final int MAX_LINES = 100_000;

	static final int MAX_CELL = 1000;

	private static final Logger log = LoggerFactory.getLogger(SubscriberImports.class);

	private final SubscriptionService subscriptions;

	private final Map<String, ImportRun> runs = Collections.synchronizedMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ImportRun> eldest) {
			return size() > 20;
		}
	});

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("subscriber-import").factory());

	SubscriberImports(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * Checks the file's shape and starts importing its lines.
	 * @param csv the file
	 * @param client who uploads it
	 * @return the run
	 * @throws InvalidInputException when the file as a whole cannot be read (its header,
	 * its size, an unclosed quote)
	 */
	ImportRun start(String csv, ClientInfo client) {
		List<CsvRecords.Record> records;
		try {
			records = CsvRecords.parse(csv);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("file", ex.getMessage());
		}
		if (records.isEmpty()) {
			throw new InvalidInputException("file",
					"is empty: its first line must be a header such as email,interests");
		}
		List<String> header = header(records.get(0).cells());
		if (records.size() - 1 > MAX_LINES) {
			throw new InvalidInputException("file", "has more than " + MAX_LINES + " lines: split it");
		}
		List<CsvRecords.Record> lines = records.subList(1, records.size());
		ImportRun run = new ImportRun(UUID.randomUUID().toString(), lines.size());
		this.runs.put(run.id(), run);
		this.worker.execute(() -> run(run, header, lines, client));
		return run;
	}

	Optional<ImportRun> find(String id) {
		return Optional.ofNullable(this.runs.get(id));
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	private static List<String> header(List<String> cells) {
		List<String> header = cells.stream().map((cell) -> cell.strip().toLowerCase(Locale.ROOT)).toList();
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (!COLUMNS.contains(column)) {
				throw new InvalidInputException("file", "has a wrong header: unknown column \"" + shorten(column)
						+ "\" (the columns are " + String.join(", ", COLUMNS) + ")");
			}
			if (!seen.add(column)) {
				throw new InvalidInputException("file", "has a wrong header: column \"" + column + "\" twice");
			}
		}
		if (!header.contains("email")) {
			throw new InvalidInputException("file", "has a wrong header: it has no email column");
		}
		return header;
	}

	private void run(ImportRun run, List<String> header, List<CsvRecords.Record> lines, ClientInfo client) {
		Map<String, Integer> seen = new HashMap<>();
		try {
			for (CsvRecords.Record line : lines) {
				if (Thread.currentThread().isInterrupted()) {
					break;
				}
				run.report(line.line(), importLine(header, line, seen, client));
			}
		}
		finally {
			run.finish();
		}
	}

	private ImportRun.Result importLine(List<String> header, CsvRecords.Record line, Map<String, Integer> seen,
			ClientInfo client) {
		if (line.cells().size() != header.size()) {
			return ImportRun.Result
				.rejected("has " + line.cells().size() + " cells where the header has " + header.size());
		}
		Map<String, String> cells = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String column = header.get(i);
			String value = line.cells().get(i);
			if (value.length() > MAX_CELL) {
				return ImportRun.Result.rejected(column + " is longer than " + MAX_CELL + " characters");
			}
			if (SubscriberCsv.formulaLike(value) && !(column.equals("categories") && value.matches("-[A-Za-z].*"))) {
				return ImportRun.Result.rejected(column + " starts with \"" + value.charAt(0)
						+ "\", which a spreadsheet would run as a formula");
			}
			if (value.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
				return ImportRun.Result.rejected(column + " holds control characters");
			}
			cells.put(column, value.strip());
		}
		Optional<EmailAddress> email = EmailAddress.parse(cells.get("email"));
		if (email.isEmpty()) {
			return ImportRun.Result.rejected("email is not a valid email address");
		}
		Integer first = seen.putIfAbsent(email.get().key(), line.line());
		if (first != null) {
			return ImportRun.Result.skipped("duplicate of line " + first);
		}
		try {
			Profile profile = Profile.of(cells.get("interests"), cells.get("keywords"), cells.get("authors"),
					blankToNull(cells.getOrDefault("categories", "").replace(';', ',')),
					blankToNull(cells.get("cadence")), blankToNull(cells.get("weekday")),
					number(cells, "delivery_hour"), blankToNull(cells.get("time_zone")),
					number(cells, "papers_per_digest"), number(cells, "min_upvotes"));
			List<String> liked = (cells.get("liked_papers") != null)
					? Arrays.stream(cells.get("liked_papers").split(";"))
						.map(String::strip)
						.filter((paper) -> !paper.isEmpty())
						.toList()
					: List.of();
			this.subscriptions.importActive(email.get(), profile, liked, client);
			return ImportRun.Result.imported();
		}
		catch (InvalidInputException ex) {
			return ex.getMessage().endsWith("already subscribed") ? ImportRun.Result.skipped("already subscribed")
					: ImportRun.Result.rejected(ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Import line {} could not be stored", line.line(), ex);
			return ImportRun.Result.rejected("could not be stored (see the log)");
		}
	}

	private static @Nullable Integer number(Map<String, String> cells, String column) {
		String value = blankToNull(cells.get(column));
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(column, "must be a whole number");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
