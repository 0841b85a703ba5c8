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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
		return parse(mapper, body, keys -> keys);
	}

	/**
	 * Reads the body; {@code existing} says which of the KPI keys named exist. It is asked only
	 * when some row is bad, so that an unknown KPI is reported with the row's other problems
	 * (a body whose rows all read well leaves that check to the KPI module, with the rest).
	 */
	static Parsed parse(ObjectMapper mapper, InputStream body, Function<Set<String>, Set<String>> existing) {
		var measurements = new ArrayList<NewMeasurement>();
		var lines = new Labels();
		var troubles = new Troubles();
		var reader = new RowReader();
		int current = -1;
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
				if (!reader.read(parser, measurements)) {
					troubles.add(index, reader.kpi, reader.problems);
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
		if (troubles.any()) {
			throw new InvalidInputException(troubles.report(lines, measurements, existing.apply(reader.keys.keySet())));
		}
		if (measurements.isEmpty()) {
			throw new InvalidInputException("body", "send at least one measurement");
		}
		return new Parsed(measurements, lines);
	}

	/**
	 * The bad rows: every problem of the first rows in full (enough to fill the listing, since a
	 * bad row has at least one), and of the rest only how many there were and which KPIs they
	 * named, so that a million bad rows cost no more memory than a million good ones.
	 */
	private static final class Troubles {

		private final TreeMap<Integer, Trouble> listed = new TreeMap<>();

		private final Map<String, Integer> laterKpis = new HashMap<>();

		private int laterProblems;

		private record Trouble(String kpi, List<String> problems) {
		}

		void add(int row, String kpi, List<String> problems) {
			if (listed.size() < MAX_PROBLEMS) {
				listed.put(row, new Trouble(kpi, List.copyOf(problems)));
				return;
			}
			laterProblems += problems.size();
			if (kpi != null) {
				laterKpis.merge(kpi, 1, Integer::sum);
			}
		}

		boolean any() {
			return !listed.isEmpty();
		}

		/** Every problem, row by row in order (an unknown KPI first in its row), the listing capped. */
		List<FieldProblem> report(Labels lines, List<NewMeasurement> good, Set<String> existing) {
			var problems = new ArrayList<FieldProblem>();
			int total = 0;
			int next = 0;
			// past the last listed bad row, the good rows are the rest of good, the bad ones counted
			int last = listed.size() < MAX_PROBLEMS ? lines.size() - 1 : listed.lastKey();
			for (int row = 0; row <= last; row++) {
				var trouble = listed.get(row);
				var kpi = trouble != null ? trouble.kpi() : good.get(next++).kpi();
				if (unknown(kpi, existing)) {
					total++;
					add(problems, lines.get(row), "kpi: no KPI " + Quoted.of(kpi) + " exists");
				}
				if (trouble != null) {
					for (var problem : trouble.problems()) {
						total++;
						add(problems, lines.get(row), problem);
					}
				}
			}
			for (var m : good.subList(next, good.size())) {
				total += unknown(m.kpi(), existing) ? 1 : 0;
			}
			total += laterProblems;
			for (var entry : laterKpis.entrySet()) {
				total += unknown(entry.getKey(), existing) ? entry.getValue() : 0;
			}
			return withRest(problems, total);
		}

		private static boolean unknown(String kpi, Set<String> existing) {
			return kpi != null && !existing.contains(kpi);
		}

		private static void add(List<FieldProblem> problems, String label, String problem) {
			if (problems.size() < MAX_PROBLEMS) {
				problems.add(new FieldProblem(label, problem));
			}
		}
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

	/** Reads one object at a time, adding it when it is good and otherwise naming all that is wrong with it. */
	private static final class RowReader {

		/** Each KPI key once, so that a million rows of ten KPIs hold ten key strings. */
		final Map<String, String> keys = new HashMap<>();

		final List<String> problems = new ArrayList<>();

		private final Instants instants = new Instants();

		/** The KPI the last row named, or null when it named none. */
		String kpi;

		/** True when the object was good and added to {@code out}. */
		boolean read(JsonParser parser, List<NewMeasurement> out) {
			problems.clear();
			kpi = null;
			String at = null;
			Double value = null;
			String note = null;
			boolean kpiNamed = false;
			boolean atNamed = false;
			boolean valueNamed = false;
			for (var token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
				var field = parser.currentName();
				token = parser.nextToken();
				if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
					parser.skipChildren();
					problems.add(KNOWN.contains(field) ? field + ": must be a single value" : unknownField(field));
					kpiNamed |= "kpi".equals(field);
					atNamed |= "at".equals(field);
					valueNamed |= "value".equals(field);
					continue;
				}
				switch (field) {
					case "kpi" -> kpi = token == JsonToken.VALUE_STRING && !parser.getString().isBlank()
							? keys.computeIfAbsent(parser.getString(), k -> k) : null;
					case "at" -> at = token == JsonToken.VALUE_STRING ? parser.getString() : null;
					case "value" -> {
						if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
							value = parser.getDoubleValue();
						}
						else {
							valueNamed = true;
							problems.add("value: must be a number");
						}
					}
					case "note" -> {
						if (token == JsonToken.VALUE_STRING) {
							note = parser.getString();
						}
						else if (token != JsonToken.VALUE_NULL) {
							problems.add("note: must be a string");
						}
					}
					default -> problems.add(unknownField(field));
				}
			}
			if (kpi == null && !kpiNamed) {
				problems.add("kpi: is required (a KPI key as a string)");
			}
			Instant instant = null;
			if (at == null && !atNamed) {
				problems.add("at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)");
			}
			else if (at != null) {
				try {
					instant = instants.parse(at);
				}
				catch (DateTimeParseException e) {
					problems.add("at: " + Quoted.of(at) + " is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z");
				}
			}
			if (value == null && !valueNamed) {
				problems.add("value: is required");
			}
			if (!problems.isEmpty()) {
				// in the fields' order, as the KPI module names them, whatever order the object had
				problems.sort(Comparator.comparingInt(RowReader::rank));
				return false;
			}
			out.add(new NewMeasurement(kpi, instant, value, note));
			return true;
		}

		private static int rank(String problem) {
			int colon = problem.indexOf(':');
			int rank = colon < 0 ? -1 : FIELDS.indexOf(problem.substring(0, colon));
			return rank < 0 ? FIELDS.size() : rank;
		}

		private static String unknownField(String field) {
			return Quoted.of(field) + " is not a known field (kpi, at, value, note)";
		}
	}

	private static final List<String> FIELDS = List.of("kpi", "at", "value", "note");

	private static final Set<String> KNOWN = Set.copyOf(FIELDS);
}
