package dev.tandem.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

/**
 * Reads {@code at,value[,note]} rows (RFC 4180 quoting, an optional header line). {@code at}
 * may be an instant (2026-11-01T09:00:00Z), or a local date or date-time, read in the
 * organisation's time zone. Every bad row is reported with its line number.
 */
final class CsvParser {

	/** Plain decimal numbers, optionally with an exponent: not Java's hexadecimal or 1d/1f forms. */
	private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern
		.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

	private CsvParser() {
	}

	record Row(int line, NewMeasurement measurement) {
	}

	static List<Row> parse(Reader input, String kpi, ZoneId zone) {
		var rows = new ArrayList<Row>();
		var problems = new ArrayList<FieldProblem>();
		int problemCount = 0;
		try (var reader = new BufferedReader(input)) {
			int lineNumber = 0;
			String line;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				if (lineNumber == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				if (line.isBlank() || lineNumber == 1 && line.strip().toLowerCase().startsWith("at,")) {
					continue;
				}
				int startLine = lineNumber;
				var record = new StringBuilder(line);
				while (openQuote(record)) {
					var next = reader.readLine();
					if (next == null) {
						break;
					}
					lineNumber++;
					record.append('\n').append(next);
				}
				try {
					rows.add(new Row(startLine, row(fields(record.toString()), kpi, zone)));
				}
				catch (IllegalArgumentException e) {
					if (++problemCount <= BulkParser.MAX_PROBLEMS) {
						problems.add(new FieldProblem("line " + startLine, e.getMessage()));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(BulkParser.withRest(problems, problemCount));
		}
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "has no rows; expected lines of at,value[,note]");
		}
		return rows;
	}

	private static NewMeasurement row(List<String> fields, String kpi, ZoneId zone) {
		if (fields.size() < 2 || fields.size() > 3) {
			throw new IllegalArgumentException("expected at,value[,note] but found " + fields.size() + " fields");
		}
		var at = instant(fields.get(0).strip(), zone);
		var number = fields.get(1).strip();
		if (!DECIMAL.matcher(number).matches()) {
			throw new IllegalArgumentException("value: '" + fields.get(1) + "' is not a number (use a dot for decimals)");
		}
		double value = Double.parseDouble(number);
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("value: must be a finite number");
		}
		var note = fields.size() == 3 && !fields.get(2).isBlank() ? fields.get(2) : null;
		return new NewMeasurement(kpi, at, value, note);
	}

	private static Instant instant(String text, ZoneId zone) {
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
			throw new IllegalArgumentException("at: '" + text
					+ "' is not a date or timestamp (2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00Z)");
		}
	}

	/** True when the record ends inside a quoted field, so that the next line continues it. */
	private static boolean openQuote(CharSequence record) {
		return split(record) == null;
	}

	static List<String> fields(String record) {
		var fields = split(record);
		if (fields == null) {
			throw new IllegalArgumentException(
					"a quoted field is never closed (inside a quoted field, write a quote as two quotes)");
		}
		return fields;
	}

	/**
	 * The record's fields, or null when it ends inside a quoted field. A quote opens a quoted field
	 * only at the start of a field (RFC 4180); elsewhere, as in {@code 27" screen}, it is just a
	 * character, and must not swallow the following lines into one field.
	 */
	private static List<String> split(CharSequence record) {
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		boolean atStart = true;
		for (int i = 0; i < record.length(); i++) {
			char c = record.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && atStart) {
				quoted = true;
				atStart = false;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				atStart = true;
			}
			else {
				field.append(c);
				atStart = atStart && Character.isWhitespace(c);
			}
		}
		if (quoted) {
			return null;
		}
		fields.add(field.toString());
		return fields;
	}
}
