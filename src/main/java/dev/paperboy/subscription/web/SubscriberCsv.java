package dev.paperboy.subscription.web;

import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.paperboy.subscription.SubscriberDirectory;
import dev.paperboy.subscription.SubscriberSearch;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes subscribers as CSV for spreadsheets, cells that a spreadsheet would run as a
 * formula made inert.
 */
final class SubscriberCsv {

	static final String HEADER = "id,email,status,interests,keywords,created_at,confirmed_at";

	private SubscriberCsv() {
	}

	/**
	 * Streams every match of a search as CSV to the response, row by row.
	 */
	static void export(SubscriberDirectory directory, SubscriberSearch search, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"subscribers-"
				+ DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)).replace(':', '-')
				+ ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(HEADER + "\r\n");
		try {
			directory.export(search, (row) -> {
				try {
					out.write(row.id() + "," + cell(row.email()) + "," + row.status() + "," + cell(row.interests())
							+ "," + cell(row.keywords()) + "," + row.createdAt() + ","
							+ ((row.confirmedAt() != null) ? row.confirmedAt() : "") + "\r\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	/**
	 * @param value a cell's text
	 * @return it quoted as CSV needs; a leading {@code = + - @} (or tab or carriage
	 * return), which a spreadsheet would run as a formula, gets a {@code '} before it
	 */
	static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = formulaLike(value) ? "'" + value : value;
		if (text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	static boolean formulaLike(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

}
