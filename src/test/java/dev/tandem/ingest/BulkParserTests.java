package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

class BulkParserTests {

	static final ObjectMapper MAPPER = JsonMapper.builder().build();

	static BulkParser.Parsed parse(String body) {
		return BulkParser.parse(MAPPER, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	static ByteArrayInputStream body(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	/** The problems, with only {@code existing} KPIs known. */
	static List<FieldProblem> problems(String body, Set<String> existing) {
		try {
			BulkParser.parse(MAPPER, body(body), keys -> existing);
		}
		catch (InvalidInputException e) {
			return e.problems();
		}
		throw new AssertionError("expected the body to be rejected: " + body);
	}

	static List<FieldProblem> problems(String body) {
		try {
			parse(body);
		}
		catch (InvalidInputException e) {
			return e.problems();
		}
		throw new AssertionError("expected the body to be rejected: " + body);
	}

	static FieldProblem problem(String body) {
		var problems = problems(body);
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

	/** A valid row, as JSON. */
	static String row(String kpi, String at, String value) {
		return "{\"kpi\": \"" + kpi + "\", \"at\": \"" + at + "\", \"value\": " + value + "}";
	}

	static final String GOOD = row("uptime", "2026-03-01T10:00:00Z", "99.5");

	@Nested
	class JsonArray {

		@Test
		void readsEveryObjectInOrderWithIndexLabels() {
			var parsed = parse("""
					[
					  {"kpi": "uptime", "at": "2026-03-01T10:00:00Z", "value": 99.5},
					  {"value": -3, "note": "outage, see ticket", "at": "2026-03-02T10:00:00.250Z", "kpi": "incidents"},
					  {"kpi": "uptime", "at": "2026-03-03T10:00:00+02:00", "value": 1e2}
					]
					""");

			assertThat(parsed.measurements()).containsExactly(
					new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 99.5, null),
					new NewMeasurement("incidents", Instant.parse("2026-03-02T10:00:00.250Z"), -3, "outage, see ticket"),
					new NewMeasurement("uptime", Instant.parse("2026-03-03T08:00:00Z"), 100, null));
			assertThat(parsed.labels()).containsExactly("[0]", "[1]", "[2]");
		}

		@Test
		void aSingleLineArrayWorksToo() {
			var parsed = parse("[" + GOOD + "," + GOOD + "]");

			assertThat(parsed.measurements()).hasSize(2);
			assertThat(parsed.labels()).containsExactly("[0]", "[1]");
		}

		@Test
		void problemsAreLabelledByIndexAndAllReported() {
			var problems = problems("[" + GOOD + ", {\"kpi\": \"uptime\", \"value\": 1}, " + GOOD
					+ ", {\"kpi\": \"uptime\", \"at\": \"2026-03-01T10:00:00Z\", \"value\": \"high\"}]");

			assertThat(problems).containsExactly(
					new FieldProblem("[1]", "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)"),
					new FieldProblem("[3]", "value: must be a number"));
		}

		@Test
		void anElementMustBeAnObject() {
			assertThat(problem("[" + GOOD + ", 42]")).isEqualTo(
					new FieldProblem("[1]", "must be a JSON object {\"kpi\", \"at\", \"value\"}"));
		}

		@Test
		void anEmptyArrayIsRejected() {
			assertThat(problem("[]")).isEqualTo(new FieldProblem("body", "send at least one measurement"));
		}

		@Test
		void nothingMayFollowTheArray() {
			assertThat(problem("[" + GOOD + "]\n" + GOOD))
				.isEqualTo(new FieldProblem("body", "nothing may follow the closing ] of the array"));
			assertThat(problem("[" + GOOD + "] []"))
				.isEqualTo(new FieldProblem("body", "nothing may follow the closing ] of the array"));
		}

		@Test
		void trailingGarbageThatIsNotJsonIsRejected() {
			assertThat(problem("[" + GOOD + "]\ngarbage").message()).startsWith("is not valid JSON");
		}

		@Test
		void whitespaceAfterTheArrayIsFine() {
			assertThat(parse("[" + GOOD + "]\n\n   \n").measurements()).hasSize(1);
		}

		@Test
		void anUnclosedArrayIsMalformed() {
			assertThat(problem("[\n" + GOOD + ",\n" + GOOD + "\n").message()).startsWith("is not valid JSON (column ");
		}

		@Test
		void malformedJsonNamesTheLine() {
			var problem = problem("[\n" + GOOD + ",\n" + GOOD + ",\n{\"kpi\": \"uptime\", \"at\" 5}\n]");

			assertThat(problem.field()).isEqualTo("line 4");
			assertThat(problem.message()).matches("is not valid JSON \\(column \\d+\\)");
		}
	}

	@Nested
	class Ndjson {

		@Test
		void readsOneObjectALineWithLineLabels() {
			var parsed = parse(GOOD + "\n" + row("latency", "2026-03-01T11:00:00Z", "120") + "\n");

			assertThat(parsed.measurements()).extracting(NewMeasurement::kpi).containsExactly("uptime", "latency");
			assertThat(parsed.measurements()).extracting(NewMeasurement::value).containsExactly(99.5, 120.0);
			assertThat(parsed.labels()).containsExactly("line 1", "line 2");
		}

		@Test
		void blankLinesAreSkippedButStillCounted() {
			var parsed = parse("\n" + GOOD + "\n\n\r\n" + GOOD);

			assertThat(parsed.labels()).containsExactly("line 2", "line 5");
		}

		@Test
		void windowsLineEndingsCountLinesTheSame() {
			var problems = problems(GOOD + "\r\n" + GOOD + "\r\n{\"kpi\": \"x\", \"value\": 1}\r\n");

			assertThat(problems).extracting(FieldProblem::field).containsExactly("line 3");
		}

		@Test
		void problemsAreLabelledByLine() {
			var problems = problems(GOOD + "\n{\"kpi\": \"uptime\", \"at\": \"yesterday\", \"value\": 1}\n" + GOOD
					+ "\n{\"kpi\": \"uptime\", \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1, \"unit\": \"%\"}");

			assertThat(problems).containsExactly(
					new FieldProblem("line 2",
							"at: 'yesterday' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z"),
					new FieldProblem("line 4", "'unit' is not a known field (kpi, at, value, note)"));
		}

		@Test
		void malformedJsonNamesTheLine() {
			var problem = problem(GOOD + "\n" + GOOD + "\n{\"kpi\": \"uptime\", \"at\": \n");

			assertThat(problem.field()).startsWith("line ");
			assertThat(problem.message()).startsWith("is not valid JSON (column ");
			assertThat(problem(GOOD + "\n" + "{\"kpi\" \"uptime\"}\n" + GOOD).field()).isEqualTo("line 2");
		}

		@Test
		void aLineMustHoldAnObject() {
			assertThat(problem(GOOD + "\n\"uptime\"\n")).isEqualTo(
					new FieldProblem("line 2", "must be a JSON object {\"kpi\", \"at\", \"value\"}"));
		}
	}

	@Nested
	class Rows {

		@Test
		void unknownFieldsAreNamed() {
			assertThat(problem("[{\"kpi\": \"a\", \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1, \"when\": 5}]"))
				.isEqualTo(new FieldProblem("[0]", "'when' is not a known field (kpi, at, value, note)"));
		}

		@Test
		void anUnknownFieldWithAnObjectValueIsSkippedWithoutLosingTheNextRows() {
			var problems = problems("[{\"kpi\": \"a\", \"extra\": {\"deep\": [1, {\"x\": 2}]}, \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1}, "
					+ GOOD + ", {\"kpi\": 1}]");

			assertThat(problems).extracting(FieldProblem::field).containsExactly("[0]", "[2]", "[2]", "[2]");
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "\"12\"", "null", "true" })
		void theValueMustBeANumber(String value) {
			assertThat(problem("[" + row("a", "2026-03-01T10:00:00Z", value) + "]"))
				.isEqualTo(new FieldProblem("[0]", "value: must be a number"));
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "[1]", "{\"amount\": 1}" })
		void theValueMustBeASingleValue(String value) {
			assertThat(problem("[" + row("a", "2026-03-01T10:00:00Z", value) + "]"))
				.isEqualTo(new FieldProblem("[0]", "value: must be a single value"));
		}

		@Test
		void aKpiKeyMustBeAString() {
			assertThat(problem("[{\"kpi\": 7, \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1}]"))
				.isEqualTo(new FieldProblem("[0]", "kpi: is required (a KPI key as a string)"));
			assertThat(problem("[{\"kpi\": [\"a\"], \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1}]"))
				.isEqualTo(new FieldProblem("[0]", "kpi: must be a single value"));
		}

		@Test
		void aTimestampMustBeAString() {
			assertThat(problem("[{\"kpi\": \"a\", \"at\": 1772359200, \"value\": 1}]")).isEqualTo(
					new FieldProblem("[0]", "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)"));
		}

		@Test
		void missingFieldsAreNamed() {
			assertThat(problem("[{\"at\": \"2026-03-01T10:00:00Z\", \"value\": 1}]"))
				.isEqualTo(new FieldProblem("[0]", "kpi: is required (a KPI key as a string)"));
			assertThat(problem("[{\"kpi\": \"a\", \"value\": 1}]")).isEqualTo(
					new FieldProblem("[0]", "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)"));
			assertThat(problem("[{\"kpi\": \"a\", \"at\": \"2026-03-01T10:00:00Z\"}]"))
				.isEqualTo(new FieldProblem("[0]", "value: is required"));
		}

		@ParameterizedTest(name = "at {0}")
		@ValueSource(strings = { "2026-03-01", "2026-03-01T10:00:00", "2026-03-01 10:00:00Z", "01/03/2026", "",
				"2026-02-30T10:00:00Z", "2026-03-01T25:00:00Z" })
		void badTimestampsAreRejected(String at) {
			assertThat(problem("[" + row("a", at, "1") + "]")).isEqualTo(new FieldProblem("[0]",
					"at: '" + at + "' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z"));
		}

		@Test
		void aNoteIsOptionalAndKeptAsSent() {
			var parsed = parse("[{\"kpi\": \"a\", \"at\": \"2026-03-01T10:00:00Z\", \"value\": 1, \"note\": \"  \\\"quoted\\\"\\nnext  \"}]");

			assertThat(parsed.measurements().get(0).note()).isEqualTo("  \"quoted\"\nnext  ");
		}

		@Test
		void problemsAreCappedSoThatTheAnswerStaysReadable() {
			var body = IntStream.range(0, 80).mapToObj(i -> "{\"kpi\": \"a\"}").collect(Collectors.joining(",", "[", "]"));

			var problems = problems(body);

			// each row lacks both at and value: two problems a row, 25 rows listed
			assertThat(problems).hasSize(BulkParser.MAX_PROBLEMS + 1);
			assertThat(problems.get(48)).isEqualTo(new FieldProblem("[24]",
					"at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)"));
			assertThat(problems.get(49)).isEqualTo(new FieldProblem("[24]", "value: is required"));
			assertThat(problems.get(50).message()).isEqualTo("110 more problems not listed");
		}

		@Test
		void everyProblemOfARowIsReportedNotJustTheFirst() {
			var problems = problems("[" + GOOD + ", {\"at\": \"yesterday\", \"value\": \"high\", \"note\": 5, \"when\": 1}]");

			// in the order of the fields, not of the object
			assertThat(problems).containsExactly(
					new FieldProblem("[1]", "kpi: is required (a KPI key as a string)"),
					new FieldProblem("[1]", "at: 'yesterday' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z"),
					new FieldProblem("[1]", "value: must be a number"),
					new FieldProblem("[1]", "note: must be a string"),
					new FieldProblem("[1]", "'when' is not a known field (kpi, at, value, note)"));
		}

		@Test
		void everyMissingFieldIsNamed() {
			assertThat(problems("[{}]")).containsExactly(
					new FieldProblem("[0]", "kpi: is required (a KPI key as a string)"),
					new FieldProblem("[0]", "at: is required (an ISO-8601 timestamp such as 2026-11-01T00:00:00Z)"),
					new FieldProblem("[0]", "value: is required"));
		}

		@Test
		void anUnknownKpiIsReportedWithTheRowsOtherProblems() {
			var body = "[" + row("uptime", "2026-03-01T10:00:00Z", "1") + ", " + row("nope", "soon", "1") + ", "
					+ row("gone", "2026-03-01T10:00:00Z", "1") + "]";

			var problems = problems(body, Set.of("uptime"));

			assertThat(problems).containsExactly(
					new FieldProblem("[1]", "kpi: no KPI 'nope' exists"),
					new FieldProblem("[1]", "at: 'soon' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z"),
					new FieldProblem("[2]", "kpi: no KPI 'gone' exists"));
		}

		@Test
		void whenEveryRowReadsWellTheKpisAreLeftToTheKpiModule() {
			var asked = new java.util.ArrayList<Set<String>>();

			var parsed = BulkParser.parse(MAPPER, body("[" + row("nope", "2026-03-01T10:00:00Z", "1") + "]"), keys -> {
				asked.add(keys);
				return Set.of();
			});

			assertThat(parsed.measurements()).hasSize(1);
			assertThat(asked).isEmpty();
		}

		@Test
		void unknownKpisBeyondTheListingAreCounted() {
			// 60 bad rows of an unknown KPI, each with a bad value too: 120 problems, 50 listed
			var body = IntStream.range(0, 60).mapToObj(i -> row("nope", "2026-03-01T10:00:00Z", "\"x\""))
				.collect(Collectors.joining(",", "[" + row("nope", "2026-03-01T10:00:00Z", "1") + ",", "]"));

			var problems = problems(body, Set.of());

			assertThat(problems).hasSize(BulkParser.MAX_PROBLEMS + 1);
			assertThat(problems.get(0)).isEqualTo(new FieldProblem("[0]", "kpi: no KPI 'nope' exists"));
			assertThat(problems.get(1)).isEqualTo(new FieldProblem("[1]", "kpi: no KPI 'nope' exists"));
			assertThat(problems.get(2)).isEqualTo(new FieldProblem("[1]", "value: must be a number"));
			assertThat(problems.get(50).message()).isEqualTo((1 + 120 - 50) + " more problems not listed");
		}

		@Test
		void aBlankKpiKeyIsAMissingOne() {
			assertThat(problem("[" + row(" ", "2026-03-01T10:00:00Z", "1") + "]"))
				.isEqualTo(new FieldProblem("[0]", "kpi: is required (a KPI key as a string)"));
		}

		@Test
		void aNoteMustBeAString() {
			assertThat(problems("[{\"kpi\":\"a\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":1,\"note\":5}]"))
				.singleElement()
				.satisfies(problem -> assertThat(problem.message()).isEqualTo("note: must be a string"));
		}

		@Test
		void manyRowsParse() {
			var body = IntStream.range(0, 5000)
				.mapToObj(i -> row("kpi-" + (i % 7), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString(),
						Integer.toString(i)))
				.collect(Collectors.joining("\n"));

			var parsed = parse(body);

			assertThat(parsed.measurements()).hasSize(5000);
			assertThat(parsed.measurements().get(4999)).isEqualTo(
					new NewMeasurement("kpi-1", Instant.parse("2026-01-01T01:23:19Z"), 4999, null));
			assertThat(parsed.labels().get(4999)).isEqualTo("line 5000");
		}
	}

	@Nested
	class EmptyInput {

		@ParameterizedTest(name = "body \"{0}\"")
		@ValueSource(strings = { "", " ", "\n\n", "[]", "[ \n ]" })
		void anEmptyBodyIsRejected(String body) {
			assertThat(problem(body)).isEqualTo(new FieldProblem("body", "send at least one measurement"));
		}

		@Test
		void aBareScalarIsNotAMeasurement() {
			assertThat(problem("42")).isEqualTo(new FieldProblem("line 1", "must be a JSON object {\"kpi\", \"at\", \"value\"}"));
			assertThatThrownBy(() -> parse("\"a\"")).isInstanceOf(InvalidInputException.class);
		}
	}

	@Nested
	class Timestamps {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2026-03-01T10:00:00Z", "2026-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "1900-01-01T00:00:00Z",
				"2026-03-01T10:00:00.5Z", "2026-03-01T10:00:00.25Z", "2026-03-01T10:00:00.123456Z",
				"2026-03-01T10:00:00.123456789Z", "2026-03-01T10:00:00.000000001Z", "1969-12-31T23:59:59.999Z" })
		void theFastReadingAgreesWithInstantParse(String text) {
			assertThat(BulkParser.Instants.fast(text)).isEqualTo(Instant.parse(text));
			assertThat(new BulkParser.Instants().parse(text)).isEqualTo(Instant.parse(text));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2026-03-01T10:00:00+01:00", "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.1234567890Z",
				"2026-02-29T10:00:00Z", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-01T24:00:00Z",
				"2026-03-01T23:59:60Z", "2026-03-01t10:00:00z", "+2026-03-01T10:00:00Z", "2026-03-01T10:00:00",
				"2026-03-01 10:00:00Z", "2026-0a-01T10:00:00Z", "20260301T100000Z" })
		void whatItDoesNotReadIsLeftToInstantParse(String text) {
			assertThat(BulkParser.Instants.fast(text)).isNull();
		}

		@Test
		void aRepeatedTimestampIsReadOnce() {
			var instants = new BulkParser.Instants();
			var first = instants.parse(new String("2026-03-01T10:00:00Z"));

			assertThat(instants.parse(new String("2026-03-01T10:00:00Z"))).isSameAs(first);
			assertThat(instants.parse("2026-03-01T11:00:00Z")).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
		}
	}
}
