package dev.tandem.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import dev.tandem.kpi.NewMeasurement;
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
		var labels = new ArrayList<String>();
		var problems = new ArrayList<FieldProblem>();
		var keys = new HashMap<String, String>();
		String label = "body";
		int problemCount = 0;
		try (JsonParser parser = mapper.createParser(body)) {
			var token = parser.nextToken();
			boolean array = token == JsonToken.START_ARRAY;
			if (array) {
				token = parser.nextToken();
			}
			int index = 0;
			while (token != null && token != JsonToken.END_ARRAY) {
				label = array ? "[" + index + "]" : "line " + parser.currentTokenLocation().getLineNr();
				if (token != JsonToken.START_OBJECT) {
					throw new InvalidInputException(label, "must be a JSON object {\"kpi\", \"at\", \"value\"}");
				}
				var problem = row(parser, keys, measurements);
				if (problem != null && ++problemCount <= MAX_PROBLEMS) {
					problems.add(new FieldProblem(label, problem));
				}
				labels.add(label);
				index++;
				token = parser.nextToken();
			}
			if (array && parser.nextToken() != null) {
				throw new InvalidInputException("body", "nothing may follow the closing ] of the array");
			}
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			throw new InvalidInputException(location == null ? label : "line " + location.getLineNr(),
					"is not valid JSON (column " + (location == null ? "?" : location.getColumnNr()) + ")");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(withRest(problems, problemCount));
		}
		if (measurements.isEmpty()) {
			throw new InvalidInputException("body", "send at least one measurement");
		}
		return new Parsed(measurements, labels);
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
	private static String row(JsonParser parser, Map<String, String> keys, List<NewMeasurement> out) {
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
				default -> problem = "'" + field + "' is not a known field (kpi, at, value, note)";
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
			instant = Instant.parse(at);
		}
		catch (DateTimeParseException e) {
			return "at: '" + at + "' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z";
		}
		out.add(new NewMeasurement(keys.computeIfAbsent(kpi, k -> k), instant, value, note));
		return null;
	}
}
