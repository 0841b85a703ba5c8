package dev.tandem.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tandem.problem.Quoted;

/**
 * Where a CSV file keeps each column: by its header, or {@code at,value[,note]} without one.
 * Indexes are -1 for a column the file does not have; {@code size} is how many cells a row may
 * hold (blank header cells, as a spreadsheet's trailing commas leave, are columns read by no one).
 */
record Columns(int at, int value, int note, int kpi, int size, String layout) {

	static final Columns DEFAULT = new Columns(0, 1, 2, -1, 3, "at,value[,note]");

	private static final List<String> NAMES = List.of("at", "value", "note", "kpi");

	private static final Set<Character> DATA_START = Set.of('+', '-', '.');

	/** Fewest cells a row may have: up to the last required column (at and value). */
	int fewest() {
		return Math.max(at, value) + 1;
	}

	int most() {
		return size;
	}

	/**
	 * True for a row of column names: one cell at least names a column, and no cell reads as data
	 * (every date, timestamp and number starts with a digit, a sign or a dot). A row whose note
	 * happens to say "value" still has its date and its number, and stays a row.
	 */
	static boolean looksLikeHeader(List<String> cells) {
		boolean named = false;
		for (var cell : cells) {
			var text = cell.strip();
			if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || DATA_START.contains(text.charAt(0)))) {
				return false;
			}
			named |= NAMES.contains(text.toLowerCase(Locale.ROOT));
		}
		return named;
	}

	/** The columns a header names, adding to {@code problems} what is wrong with it. */
	static Columns of(List<String> cells, List<String> problems) {
		int[] index = { -1, -1, -1, -1 };
		for (int i = 0; i < cells.size(); i++) {
			var text = cells.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			int name = NAMES.indexOf(text.toLowerCase(Locale.ROOT));
			if (name < 0) {
				problems.add("header: " + Quoted.of(text) + " is not a column (at, value, note, kpi)");
			}
			else if (index[name] >= 0) {
				problems.add("header: " + Quoted.of(text) + " is named twice");
			}
			else {
				index[name] = i;
			}
		}
		for (int name = 0; name < 2; name++) {
			if (index[name] < 0) {
				problems.add("header: names no " + NAMES.get(name) + " column; a row needs at and value");
			}
		}
		var layout = String.join(",", cells.stream().map(String::strip).map(c -> c.toLowerCase(Locale.ROOT)).toList());
		return new Columns(index[0], index[1], index[2], index[3], cells.size(), layout + " (as the header says)");
	}
}
