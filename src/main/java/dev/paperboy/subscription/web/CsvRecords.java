package dev.paperboy.subscription.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, and line
 * breaks) into records, each with the line it starts on.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	/**
	 * @param text the file
	 * @return its non-blank records, in order
	 * @throws IllegalArgumentException for a quote that is never closed
	 */
	static List<Record> parse(String text) {
		List<Record> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int startLine = 1;
		int start = text.startsWith("\uFEFF") ? 1 : 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					line += (c == '\n') ? 1 : 0;
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(records, startLine, cells);
				cells = new ArrayList<>();
				line++;
				startLine = line;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("line " + startLine + " opens a quote that is never closed");
		}
		cells.add(cell.toString());
		add(records, startLine, cells);
		return records;
	}

	private static void add(List<Record> records, int line, List<String> cells) {
		if (!(cells.size() == 1 && cells.get(0).isBlank())) {
			records.add(new Record(line, List.copyOf(cells)));
		}
	}

	/**
	 * One record.
	 *
	 * @param line the line it starts on, from 1
	 * @param cells its cells
	 */
	record Record(int line, List<String> cells) {

	}

}
