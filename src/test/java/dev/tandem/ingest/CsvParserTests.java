package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tandem.kpi.NewMeasurement;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

class CsvParserTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static List<CsvParser.Row> parse(String csv) {
		return parse(csv, BERLIN);
	}

	static List<CsvParser.Row> parse(String csv, ZoneId zone) {
		return CsvParser.parse(new StringReader(csv), "uptime", zone);
	}

	static List<NewMeasurement> measurements(String csv) {
		return parse(csv).stream().map(CsvParser.Row::measurement).toList();
	}

	static List<Integer> lines(String csv) {
		return parse(csv).stream().map(CsvParser.Row::line).toList();
	}

	static List<FieldProblem> problems(String csv) {
		try {
			parse(csv);
		}
		catch (InvalidInputException e) {
			return e.problems();
		}
		throw new AssertionError("expected the file to be rejected: " + csv);
	}

	static NewMeasurement only(String csv) {
		var measurements = measurements(csv);
		assertThat(measurements).hasSize(1);
		return measurements.get(0);
	}

	@Nested
	class Header {

		@Test
		void aHeaderLineIsSkipped() {
			var csv = "at,value,note\n2026-03-01T10:00:00Z,99.5,fine\n2026-03-02T10:00:00Z,98\n";

			assertThat(measurements(csv)).containsExactly(
					new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 99.5, "fine"),
					new NewMeasurement("uptime", Instant.parse("2026-03-02T10:00:00Z"), 98, null));
			assertThat(lines(csv)).containsExactly(2, 3);
		}

		@Test
		void theHeaderIsOptional() {
			var csv = "2026-03-01T10:00:00Z,99.5\n2026-03-02T10:00:00Z,98\n";

			assertThat(measurements(csv)).extracting(NewMeasurement::value).containsExactly(99.5, 98.0);
			assertThat(lines(csv)).containsExactly(1, 2);
		}

		@ParameterizedTest(name = "header {0}")
		@ValueSource(strings = { "at,value", "AT,VALUE,NOTE", "At,Value", "  at,value  " })
		void theHeaderIsRecognisedWhateverItsCase(String header) {
			assertThat(lines(header + "\n2026-03-01T10:00:00Z,1")).containsExactly(2);
		}

		@Test
		void aByteOrderMarkBeforeTheHeaderIsIgnored() {
			var csv = "\uFEFFat,value\n2026-03-01T10:00:00Z,1\n";

			assertThat(lines(csv)).containsExactly(2);
		}

		@Test
		void aByteOrderMarkBeforeTheFirstRowIsIgnored() {
			assertThat(only("\uFEFF2026-03-01T10:00:00Z,1\n").at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
		}

		@Test
		void aHeaderAfterTheFirstRowIsReportedNotReadAsARow() {
			assertThat(problems("2026-03-01T10:00:00Z,1\nat,value\n")).containsExactly(new FieldProblem("line 2",
					"looks like a header row; a header may only come before the first row"));
		}

		@Test
		void aHeaderAfterBlankAndCommentLinesIsRecognised() {
			var csv = "\n  \n# exported from the monitoring tool\n  # on 2026-03-02\n\nat,value\n2026-03-01T10:00:00Z,1\n";

			assertThat(lines(csv)).containsExactly(7);
		}

		@Test
		void aByteOrderMarkThenBlankLinesThenTheHeader() {
			assertThat(lines("\uFEFF\n\nValue,At\n3,2026-03-01T10:00:00Z\n")).containsExactly(4);
		}

		@Test
		void commentLinesAreSkippedBetweenRowsToo() {
			assertThat(lines("2026-03-01,1\n# the sensor was down\n2026-03-03,3\n")).containsExactly(1, 3);
		}

		@ParameterizedTest(name = "header {0}")
		@ValueSource(strings = { "value,note,at", "NOTE,AT,VALUE", " Value , at ,Note", "\"value\",\"note\",\"at\"" })
		void theHeaderMayNameItsColumnsInAnyOrder(String header) {
			var columns = java.util.Arrays.stream(header.replace("\"", "").split(",")).map(c -> c.strip().toLowerCase())
				.toList();
			var cells = new String[3];
			cells[columns.indexOf("at")] = "2026-03-01T10:00:00Z";
			cells[columns.indexOf("value")] = "7.5";
			cells[columns.indexOf("note")] = "by hand";

			assertThat(only(header + "\n" + String.join(",", cells) + "\n"))
				.isEqualTo(new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 7.5, "by hand"));
		}

		@Test
		void aRowMayLeaveOutTheOptionalColumnsAtItsEnd() {
			assertThat(only("value,at,note\n5,2026-03-01T10:00:00Z\n"))
				.isEqualTo(new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 5, null));
			assertThat(problems("value,at,note\n5\n")).containsExactly(
					new FieldProblem("line 2", "expected value,at,note (as the header says) but found 1 fields"));
		}

		@Test
		void blankHeaderCellsAreColumnsThatNoOneReads() {
			assertThat(only("at,value,,\n2026-03-01T10:00:00Z,5,,\n").value()).isEqualTo(5);
		}

		@Test
		void aKpiColumnMustNameTheKpiOfTheImport() {
			assertThat(measurements("kpi,at,value\nuptime,2026-03-01,1\n,2026-03-02,2\n")).extracting(NewMeasurement::value)
				.containsExactly(1.0, 2.0);
			assertThat(problems("KPI,at,value\nuptime,2026-03-01,1\nlatency,2026-03-02,2\n")).containsExactly(
					new FieldProblem("line 3", "kpi: 'latency' is not the KPI of this import ('uptime')"));
		}

		@Test
		void withoutAHeaderTheColumnsAreAtValueNote() {
			assertThat(only("\n# no header here\n2026-03-01T10:00:00Z,4,first\n"))
				.isEqualTo(new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 4, "first"));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2026-03-01T10:00:00Z,4,note", "2026-03-01T10:00:00Z,4,\"at,value\"", "2026-03-01,4,value" })
		void aFirstRowWhoseNoteLooksLikeColumnNamesIsARow(String row) {
			assertThat(only(row + "\n").value()).isEqualTo(4);
			assertThat(lines(row + "\n2026-03-02,5\n")).containsExactly(1, 2);
		}

		@Test
		void aHeaderWithUnknownOrRepeatedColumnsIsRefusedNamingThem() {
			assertThat(problems("at,value,comment\n2026-03-01,1,x\n")).containsExactly(
					new FieldProblem("line 1", "header: 'comment' is not a column (at, value, note, kpi)"));
			assertThat(problems("# export\nat,At,note\n2026-03-01,1,x\n")).containsExactly(
					new FieldProblem("line 2", "header: 'At' is named twice"),
					new FieldProblem("line 2", "header: names no value column; a row needs at and value"));
		}
	}

	@Nested
	class Quoting {

		@Test
		void aQuotedNoteMayHoldCommas() {
			assertThat(only("2026-03-01T10:00:00Z,1,\"slow, then down\"").note()).isEqualTo("slow, then down");
		}

		@Test
		void doubledQuotesAreOneQuote() {
			assertThat(only("2026-03-01T10:00:00Z,1,\"the \"\"big\"\" outage\"").note()).isEqualTo("the \"big\" outage");
			assertThat(only("2026-03-01T10:00:00Z,1,\"\"\"quoted\"\"\"").note()).isEqualTo("\"quoted\"");
		}

		@Test
		void anyFieldMayBeQuoted() {
			assertThat(only("\"2026-03-01T10:00:00Z\",\"1.5\",\"n\"")).isEqualTo(
					new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 1.5, "n"));
		}

		@Test
		void aQuotedNoteMaySpanLinesAndLaterRowsKeepTheirLineNumbers() {
			var csv = "at,value,note\n2026-03-01T10:00:00Z,1,\"first line\nsecond, line\n\nfourth\"\n2026-03-02T10:00:00Z,2\n";

			var rows = parse(csv);

			assertThat(rows).extracting(CsvParser.Row::line).containsExactly(2, 6);
			assertThat(rows.get(0).measurement().note()).isEqualTo("first line\nsecond, line\n\nfourth");
			assertThat(rows.get(1).measurement().value()).isEqualTo(2.0);
		}

		@Test
		void anErrorAfterAMultiLineNoteNamesItsOwnLine() {
			var csv = "2026-03-01T10:00:00Z,1,\"a\nb\nc\"\n2026-03-02T10:00:00Z,lots\n";

			assertThat(problems(csv)).extracting(FieldProblem::field).containsExactly("line 4");
		}

		@Test
		void aQuoteThatIsNeverClosedIsAnErrorNotASwallowedFile() {
			var csv = "2026-03-01T10:00:00Z,1,ok\n2026-03-02T10:00:00Z,2,\"oops\n2026-03-03T10:00:00Z,3,ok\n2026-03-04T10:00:00Z,4,ok\n";

			assertThat(problems(csv)).extracting(FieldProblem::field).containsExactly("line 2");
		}

		@Test
		void aQuoteInsideAnUnquotedNoteIsJustACharacter() {
			var csv = "2026-03-01T10:00:00Z,1,27\" screen\n2026-03-02T10:00:00Z,2,32\" screen\n";

			assertThat(measurements(csv)).extracting(NewMeasurement::note).containsExactly("27\" screen", "32\" screen");
			assertThat(lines(csv)).containsExactly(1, 2);
		}

		@Test
		void anEmptyOrBlankNoteIsNoNote() {
			assertThat(only("2026-03-01T10:00:00Z,1,").note()).isNull();
			assertThat(only("2026-03-01T10:00:00Z,1,   ").note()).isNull();
			assertThat(only("2026-03-01T10:00:00Z,1,\"\"").note()).isNull();
		}

		@Test
		void windowsLineEndingsAreFine() {
			var csv = "at,value,note\r\n2026-03-01T10:00:00Z,1,a\r\n2026-03-02T10:00:00Z,2,b\r\n";

			assertThat(measurements(csv)).extracting(NewMeasurement::note).containsExactly("a", "b");
			assertThat(lines(csv)).containsExactly(2, 3);
		}
	}

	@Nested
	class Timestamps {

		@ParameterizedTest(name = "{0} in Berlin is {1}")
		@CsvSource({
				// a date is the start of that day in the organisation's zone
				"2026-01-15, 2026-01-14T23:00:00Z", "2026-07-15, 2026-07-14T22:00:00Z",
				// the day summer time starts still starts at local midnight (UTC+1)
				"2026-03-29, 2026-03-28T23:00:00Z",
				// a local date-time is read in the organisation's zone
				"2026-01-15T09:00, 2026-01-15T08:00:00Z", "2026-07-15T09:00:30, 2026-07-15T07:00:30Z",
				"2026-07-15T09:00:30.250, 2026-07-15T07:00:30.250Z",
				// an instant or an offset date-time is what it says, whatever the zone
				"2026-07-15T09:00:00Z, 2026-07-15T09:00:00Z", "2026-07-15T09:00Z, 2026-07-15T09:00:00Z",
				"2026-07-15T09:00:00+05:30, 2026-07-15T03:30:00Z", "2026-07-15T09:00:00-03:00, 2026-07-15T12:00:00Z" })
		void datesDateTimesAndInstants(String at, Instant expected) {
			assertThat(only(at + ",1").at()).isEqualTo(expected);
		}

		@Test
		void theZoneIsTheOrganisations() {
			assertThat(parse("2026-01-15,1", ZoneId.of("Pacific/Auckland")).get(0).measurement().at())
				.isEqualTo(Instant.parse("2026-01-14T11:00:00Z"));
			assertThat(parse("2026-01-15T09:00,1", ZoneId.of("America/New_York")).get(0).measurement().at())
				.isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
			assertThat(parse("2026-01-15T09:00:00Z,1", ZoneId.of("America/New_York")).get(0).measurement().at())
				.isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
		}

		@Test
		void aLocalTimeSkippedBySummerTimeMovesForward() {
			// 02:30 does not exist in Berlin on 29 March 2026: the clocks jump from 02:00 to 03:00
			assertThat(only("2026-03-29T02:30,1").at()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		}

		@Test
		void surroundingSpacesAreIgnored() {
			assertThat(only("  2026-03-01T10:00:00Z  ,  7  ,note")).isEqualTo(
					new NewMeasurement("uptime", Instant.parse("2026-03-01T10:00:00Z"), 7, "note"));
		}

		@ParameterizedTest(name = "at {0}")
		@ValueSource(strings = { "yesterday", "2026-13-01", "2026-02-30", "01/03/2026", "2026-03-01 10:00",
				"2026-03-01T10:00:00+0100", "1772359200" })
		void badTimestampsAreNamed(String at) {
			assertThat(problems(at + ",1")).containsExactly(new FieldProblem("line 1", "at: '" + at
					+ "' is not a date or timestamp (2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00Z)"));
		}
	}

	@Nested
	class Values {

		@ParameterizedTest(name = "value {0} is {1}")
		@CsvSource(delimiter = '|', value = { "1 | 1", "-2.5 | -2.5", "1e3 | 1000", "0.001 | 0.001", "+4 | 4" })
		void numbers(String value, double expected) {
			assertThat(only("2026-03-01T10:00:00Z," + value).value()).isEqualTo(expected);
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "abc", "", "12%", "1 000" })
		void aValueMustBeANumber(String value) {
			assertThat(problems("2026-03-01T10:00:00Z," + value)).containsExactly(
					new FieldProblem("line 1", "value: '" + value + "' is not a number (use a dot for decimals)"));
		}

		@Test
		void aDecimalCommaIsExplained() {
			assertThat(problems("2026-03-01T10:00:00Z,\"1,5\"")).containsExactly(
					new FieldProblem("line 1", "value: '1,5' is not a number (use a dot for decimals)"));
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "1e400", "-1e400" })
		void aValueMustBeFinite(String value) {
			assertThat(problems("2026-03-01T10:00:00Z," + value))
				.containsExactly(new FieldProblem("line 1", "value: must be a finite number"));
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "1d", "2f", "0x1p3", "1,5" })
		void onlyPlainDecimalsAreNumbers(String value) {
			assertThat(problems("2026-03-01T10:00:00Z,\"" + value + "\"")).singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("is not a number"));
		}

		@ParameterizedTest(name = "value {0}")
		@ValueSource(strings = { "42", "-3.5", "+0.25", ".5", "7.", "1e3", "2.5E-4" })
		void plainDecimalsAreNumbers(String value) {
			assertThat(CsvParser.parse(new java.io.StringReader("2026-03-01T10:00:00Z," + value), "kpi",
					java.time.ZoneOffset.UTC)).singleElement()
				.satisfies(row -> assertThat(row.measurement().value()).isEqualTo(Double.parseDouble(value)));
		}
	}

	@Nested
	class FieldCounts {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = { "2026-03-01T10:00:00Z | 1", "2026-03-01T10:00:00Z,1,note,more | 4",
				"2026-03-01T10:00:00Z,1,a, b,c | 5" })
		void aRowHasTwoOrThreeFields(String line, int found) {
			assertThat(problems(line)).containsExactly(
					new FieldProblem("line 1", "expected at,value[,note] but found " + found + " fields"));
		}
	}

	@Nested
	class LinesAndErrors {

		@Test
		void blankLinesAreSkippedButCounted() {
			var csv = "\n\n2026-03-01T10:00:00Z,x\n   \n\n2026-03-02T10:00:00Z,y\n\n";

			assertThat(problems(csv)).extracting(FieldProblem::field).containsExactly("line 3", "line 6");
			assertThat(lines("at,value\n\n2026-03-01T10:00:00Z,1\n   \n\n2026-03-02T10:00:00Z,2\n\n")).containsExactly(3, 6);
		}

		@Test
		void everyBadRowIsReportedWithItsLineInOrder() {
			var csv = """
					at,value,note
					2026-03-01T10:00:00Z,1
					2026-03-02T10:00:00Z,x

					2026-03-03T10:00:00Z,3,"multi
					line"
					whenever,4
					2026-03-05T10:00:00Z
					2026-03-06T10:00:00Z,6
					""";

			assertThat(problems(csv)).extracting(FieldProblem::field).containsExactly("line 3", "line 7", "line 8");
		}

		@Test
		void everyProblemOfARowIsReported() {
			assertThat(problems("whenever,n/a\nsoon\n")).containsExactly(
					new FieldProblem("line 1",
							"at: 'whenever' is not a date or timestamp (2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00Z)"),
					new FieldProblem("line 1", "value: 'n/a' is not a number (use a dot for decimals)"),
					new FieldProblem("line 2", "expected at,value[,note] but found 1 fields"),
					new FieldProblem("line 2",
							"at: 'soon' is not a date or timestamp (2026-11-01, 2026-11-01T09:00 or 2026-11-01T09:00:00Z)"));
		}

		@Test
		void problemsAreCapped() {
			var csv = "x,1\n".repeat(70);

			var problems = problems(csv);

			assertThat(problems).hasSize(BulkParser.MAX_PROBLEMS + 1);
			assertThat(problems.get(0).field()).isEqualTo("line 1");
			assertThat(problems.get(49).field()).isEqualTo("line 50");
			assertThat(problems.get(50).message()).isEqualTo("20 more problems not listed");
		}

		@ParameterizedTest(name = "file \"{0}\"")
		@ValueSource(strings = { "", "\n\n  \n", "at,value,note\n", "\uFEFF", "\uFEFFat,value\n\n" })
		void aFileWithoutRowsIsRejected(String csv) {
			assertThat(problems(csv)).containsExactly(
					new FieldProblem("file", "has no rows; expected lines of at,value[,note]"));
		}

		@Test
		void theKpiKeyIsTheOneGiven() {
			assertThat(CsvParser.parse(new StringReader("2026-03-01,1"), "nps", BERLIN).get(0).measurement().kpi())
				.isEqualTo("nps");
		}
	}
}
