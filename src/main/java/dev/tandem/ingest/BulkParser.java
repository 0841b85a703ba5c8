package dev.tandem.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

/**
 * Streams {@code {kpi, at, value, note?}} objects out of a JSON array or NDJSON (one object a
 * line) without building a tree, so that a million rows parse in about a second. Rows are
 * labelled "[i]" in an array and "line n" in NDJSON.
 */
final class BulkParser {

	static final int MAX_PROBLEMS = 50;

	record Parsed(List<NewMeasurement> measurements, List<String> labels) {
	}

	private BulkParser() {
	}

	static Parsed parse(ObjectMapper mapper, InputStream body) {
		var measurements = new ArrayList<NewMeasurement>();
		var lines = new Labels();
		var problems = new ArrayList<FieldProblem>();
		var keys = new HashMap<String, String>();
		var instants = new Instants();
		int current = -1;
		int problemCount = 0;
		try (JsonParser parser = mapper.createParser(body)) {
			var token = parser.nextToken();
			boolean array = token == JsonToken.START_ARRAY;
			if (array) {
				token = parser.nextToken();
			}
			lines.array = array;
			int index = 0;
			while (token != null && token != JsonToken.END_ARRAY) {
				int line = array ? index : parser.currentTokenLocation().getLineNr();
				current = line;
				if (token != JsonToken.START_OBJECT) {
					throw new InvalidInputException(lines.label(line), "must be a JSON object {\"kpi\", \"at\", \"value\"}");
				}
				var problem = row(parser, keys, instants, measurements);
				if (problem != null && ++problemCount <= MAX_PROBLEMS) {
					problems.add(new FieldProblem(lines.label(line), problem));
				}
				lines.add(line);
				index++;
				token = parser.nextToken();
			}
			if (array && parser.nextToken() != null) {
				throw new InvalidInputException("body", "nothing may follow the closing ] of the array");
			}
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			var label = current < 0 ? "body" : lines.label(current);
			throw new InvalidInputException(location == null ? label : "line " + location.getLineNr(),
					"is not valid JSON (column " + (location == null ? "?" : location.getColumnNr()) + ")");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(withRest(problems, problemCount));
		}
		if (measurements.isEmpty()) {
			throw new InvalidInputException("body", "send at least one measurement");
		}
		return new Parsed(measurements, lines);
	}

	/**
	 * The rows' labels, kept as line numbers (or indexes) and made into text only when asked for:
	 * a million rows would otherwise carry a million strings that no one reads unless a row is bad.
	 */
	private static final class Labels extends AbstractList<String> implements RandomAccess {

		boolean array;

		private int[] lines = new int[1024];

		private int size;

		void add(int line) {
			if (size == lines.length) {
				lines = Arrays.copyOf(lines, size * 2);
			}
			lines[size++] = line;
		}

		String label(int line) {
			return array ? "[" + line + "]" : "line " + line;
		}

		@Override
		public String get(int index) {
			Objects.checkIndex(index, size);
			return label(lines[index]);
		}

		@Override
		public int size() {
			return size;
		}
	}

	/**
	 * Reads timestamps, fast for the usual form (2026-11-01T00:00:00Z, with or without a fraction
	 * of a second) and remembering the one before, since rows of many KPIs at one instant tend to
	 * come together; anything else goes to {@link Instant#parse}, which decides what is valid.
	 */
	static final class Instants {

		private String lastText;

		private Instant last;

		Instant parse(String text) {
			if (text.equals(lastText)) {
				return last;
			}
			var instant = fast(text);
			if (instant == null) {
				instant = Instant.parse(text);
			}
			lastText = text;
			last = instant;
			return instant;
		}

		/** yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z with a valid date and time, or null. */
		static Instant fast(String text) {
			int length = text.length();
			if (length < 20 || length > 30 || length == 21 || text.charAt(4) != '-' || text.charAt(7) != '-'
					|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
					|| text.charAt(length - 1) != 'Z') {
				return null;
			}
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			int hour = digits(text, 11, 13);
			int minute = digits(text, 14, 16);
			int second = digits(text, 17, 19);
			if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
					|| second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
				return null;
			}
			int nanos = 0;
			if (length > 20) {
				if (text.charAt(19) != '.') {
					return null;
				}
				int fraction = digits(text, 20, length - 1);
				if (fraction < 0) {
					return null;
				}
				nanos = fraction;
				for (int i = length - 1 - 20; i < 9; i++) {
					nanos *= 10;
				}
			}
			else if (text.charAt(19) != 'Z') {
				return null;
			}
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
		}

		/** The decimal number in text[from, to), or -1 if any character is not a digit. */
		private static int digits(String text, int from, int to) {
			int value = 0;
			for (int i = from; i < to; i++) {
				int digit = text.charAt(i) - '0';
				if (digit < 0 || digit > 9) {
					return -1;
				}
				value = value * 10 + digit;
			}
			return value;
		}
	}

	/** The problems listed, and a last line saying how many more there were. */
	static List<FieldProblem> withRest(List<FieldProblem> listed, int total) {
		if (total <= listed.size()) {
			return listed;
		}
		var all = new ArrayList<>(listed);
		all.add(new FieldProblem("body", (total - listed.size()) + " more problems not listed"));
		return all;
	}

	/** Reads one object; returns what is wrong with it, or null after adding it. */
	private static String row(JsonParser parser, Map<String, String> keys, Instants instants, List<NewMeasurement> out) {
		String kpi = null;
		String at = null;
		Double value = null;
		String note = null;
		String problem = null;
		for (var token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			var field = parser.currentName();
			token = parser.nextToken();
			switch (field) {
				case "kpi" -> kpi = token == JsonToken.VALUE_STRING ? parser.getString() : null;
				case "at" -> at = token == JsonToken.VALUE_STRING ? parser.getString() : null;
				case "value" -> {
					if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
						value = parser.getDoubleValue();
					}
					else {
						problem = "value: must be a number";
					}
				}
				case "note" -> {
					if (token == JsonToken.VALUE_STRING) {
						note = parser.getString();
					}
					else if (token != JsonToken.VALUE_NULL) {
						problem = "note: must be a string";
					}
				}
				default -> problem = Quoted.of(field) + " is not a known field (kpi, at, value, note)";
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				parser.skipChildren();
				problem = field + ": must be a single value";
			}
		}
		if (problem != null) {
			return problem;
		}
		if (kpi == null) {
			return "kpi: is required (a KPI key as a string)";
		}
		if (at == null) {
			return "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)";
		}
		if (value == null) {
			return "value: is required";
		}
		Instant instant;
		try {
			instant = instants.parse(at);
		}
		catch (DateTimeParseException e) {
			return "at: '" + at + "' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z";
		}
		out.add(new NewMeasurement(keys.computeIfAbsent(kpi, k -> k), instant, value, note));
		return null;
	}
}
