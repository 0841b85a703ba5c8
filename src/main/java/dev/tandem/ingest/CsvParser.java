package dev.tandem.ingest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.Quoted;

/**
 * Reads {@code at,value[,note]} rows (RFC 4180 quoting, through Apache Commons CSV). A header row is optional and may name
 * its columns in any order (at, value, note, and a kpi column that must name the file's KPI); it
 * is told from a row by its content — column names, no numbers or dates — wherever it stands
 * before the first row, after a byte order mark, blank lines or {@code #} comment lines.
 * {@code at} may be an instant (2026-11-01T09:00:00Z), or a local date or date-time, read in the
 * organisation's time zone. Every problem of every bad row is reported with its line number.
 */
final class CsvParser {

	/** Plain decimal numbers, optionally with an exponent: not Java's hexadecimal or 1d/1f forms. */
	private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern
		.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

	private CsvParser() {
	}

	record Row(int line, NewMeasurement measurement) {
	}

	/**
	 * RFC 4180 as Commons CSV reads it, every line a record (blank ones too, so that each
	 * record's line is known: its last line less the line breaks inside its quoted fields), a
	 * quote opening a quoted field only at the start of a field, spaces around fields dropped.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(true).setTrailingData(true).get();

	static List<Row> parse(Reader input, String kpi, ZoneId zone) {
		var rows = new ArrayList<Row>();
		var problems = new Problems();
		Columns columns = null;
		try (var parser = CSVParser.parse(withoutByteOrderMark(input), FORMAT)) {
			var records = parser.iterator();
			long lastLine = 0;
			while (true) {
				List<String> cells;
				try {
					if (!records.hasNext()) {
						break;
					}
					cells = records.next().toList();
				}
				catch (UncheckedIOException e) {
					// only a quoted field left open reads to the end of the file and fails
					problems.add((int) lastLine + 1,
							"a quoted field is never closed (inside a quoted field, write a quote as two quotes)");
					break;
				}
				long endLine = parser.getCurrentLineNumber();
				int startLine = (int) (endLine - lineBreaks(cells));
				lastLine = endLine;
				if (cells.size() == 1 && cells.get(0).isBlank() || cells.get(0).stripLeading().startsWith("#")) {
					continue;
				}
				if (Columns.looksLikeHeader(cells)) {
					if (columns != null) {
						problems.add(startLine, "looks like a header row; a header may only come before the first row");
						continue;
					}
					var header = new ArrayList<String>();
					columns = Columns.of(cells, header);
					if (!header.isEmpty()) {
						header.forEach(problem -> problems.add(startLine, problem));
						throw problems.exception();
					}
					continue;
				}
				if (columns == null) {
					columns = Columns.DEFAULT;
				}
				var rowProblems = new ArrayList<String>(0);
				var measurement = row(cells, columns, kpi, zone, rowProblems);
				if (rowProblems.isEmpty()) {
					rows.add(new Row(startLine, measurement));
				}
				else {
					rowProblems.forEach(problem -> problems.add(startLine, problem));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (problems.any()) {
			throw problems.exception();
		}
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "has no rows; expected lines of at,value[,note]");
		}
		return rows;
	}

	private static long lineBreaks(List<String> cells) {
		return cells.stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
	}

	/** The reader past a UTF-8 byte order mark, which CsvText decodes as U+FEFF. */
	private static Reader withoutByteOrderMark(Reader input) throws IOException {
		var reader = new PushbackReader(input, 1);
		int first = reader.read();
		if (first >= 0 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	/** The problems listed so far (at most {@link BulkParser#MAX_PROBLEMS}) and how many there were. */
	private static final class Problems {

		private final List<FieldProblem> listed = new ArrayList<>();

		private int count;

		void add(int line, String problem) {
			if (++count <= BulkParser.MAX_PROBLEMS) {
				listed.add(new FieldProblem("line " + line, problem));
			}
		}

		boolean any() {
			return count > 0;
		}

		InvalidInputException exception() {
			return new InvalidInputException(BulkParser.withRest(listed, count));
		}
	}

	/** A row's measurement, or null with everything wrong with the row added to {@code problems}. */
	private static NewMeasurement row(List<String> fields, Columns columns, String kpi, ZoneId zone,
			List<String> problems) {
		if (fields.size() < columns.fewest() || fields.size() > columns.most()) {
			problems.add("expected " + columns.layout() + " but found " + fields.size() + " fields");
		}
		var at = columns.at() < fields.size() ? instant(fields.get(columns.at()).strip(), zone, problems) : null;
		var value = columns.value() < fields.size() ? value(fields.get(columns.value()), problems) : null;
		var named = cell(fields, columns.kpi());
		if (named != null && !named.isBlank() && !named.strip().equals(kpi)) {
			problems.add("kpi: " + Quoted.of(named.strip()) + " is not the KPI of this import (" + Quoted.of(kpi) + ")");
		}
		if (!problems.isEmpty()) {
			return null;
		}
		var note = cell(fields, columns.note());
		return new NewMeasurement(kpi, at, value, note == null || note.isBlank() ? null : note);
	}

	private static String cell(List<String> fields, int column) {
		return column >= 0 && column < fields.size() ? fields.get(column) : null;
	}

	private static Double value(String text, List<String> problems) {
		var number = text.strip();
		if (!DECIMAL.matcher(number).matches()) {
			problems.add("value: " + Quoted.of(text) + " is not a number (use a dot for decimals)");
			return null;
		}
		double value = Double.parseDouble(number);
		if (!Double.isFinite(value)) {
			problems.add("value: must be a finite number");
			return null;
		}
		return value;
	}

	private static Instant instant(String text, ZoneId zone, List<String> problems) {
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return java.time.OffsetDateTime.parse(text).toInstant();
			}
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			problems.add("at: " + Quoted.of(text)
					+ " is not a date or timestamp (2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00Z)");
			return null;
		}
	}
}
