package dev.tandem.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dev.tandem.problem.InvalidInputException;

class SheetTests {

	record Line(String text, Double number, Instant at, LocalDate day, Boolean flag) {
	}

	static final Sheet<Line> SHEET = Sheet.<Line>named("Lines")
		.column("text", Line::text)
		.column("number", Line::number)
		.column("at", Line::at)
		.column("day", Line::day)
		.column("flag", Line::flag);

	static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

	static final LocalDate DAY = LocalDate.of(2026, 3, 4);

	@Test
	void csvIsRfc4180InUtf8WithAHeaderRow() throws IOException {
		var csv = csv(List.of(new Line("plain", 1.0, AT, DAY, true), new Line("a, \"quoted\"\nline", 0.1, null, null, null),
				new Line("café ✓", 12345678.25, null, null, false)));
		assertThat(csv).startsWith("text,number,at,day,flag\r\n")
			.contains("plain,1,2026-03-04T05:06:07Z,2026-03-04,true\r\n")
			.contains("\"a, \"\"quoted\"\"\nline\",0.1,,,\r\n")
			.contains("café ✓,12345678.25,,,false\r\n");
		var records = parse(csv);
		assertThat(records).hasSize(4);
		assertThat(records.get(2).get(0)).isEqualTo("a, \"quoted\"\nline");
	}

	@Test
	void textThatASpreadsheetWouldRunIsNeutralisedButNumbersStayNumbers() throws IOException {
		var csv = csv(List.of(new Line("=HYPERLINK(\"http://evil\",\"x\")", -5.0, null, null, null),
				new Line("+1+1", null, null, null, null), new Line("-2+3", null, null, null, null),
				new Line("@SUM(A1)", null, null, null, null), new Line("\tcmd", null, null, null, null),
				new Line("\r=1", null, null, null, null), new Line("a=1", null, null, null, null)));
		var texts = parse(csv).stream().skip(1).map(r -> r.get(0)).toList();
		assertThat(texts).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd",
				"'\r=1", "a=1");
		assertThat(parse(csv).get(1).get(1)).as("a negative number is written as a number").isEqualTo("-5");
	}

	@Test
	void xlsxHasNumbersAsNumbersDatesAsDatesAndFormulasAsText() throws IOException {
		var out = new ByteArrayOutputStream();
		SHEET.write(SheetFormat.XLSX, out, List.of(new Line("=1+1", 42.5, AT, DAY, true), new Line(null, null, null, null, null)));
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = workbook.getSheet("Lines");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("text");
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("flag");
			var row = sheet.getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+1");
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(42.5);
			assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
			assertThat(row.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7));
			assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
			assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
			assertThat(row.getCell(4).getBooleanCellValue()).isTrue();
			assertThat(sheet.getRow(2).getCell(0)).as("null is an empty cell").isNull();
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
	}

	@Test
	void xlsxCutsTextLongerThanACellHolds() throws IOException {
		var out = new ByteArrayOutputStream();
		SHEET.write(SheetFormat.XLSX, out, List.of(new Line("x".repeat(40_000), null, null, null, null)));
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var text = workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
			assertThat(text).hasSize(32_767).endsWith("…");
		}
	}

	@Test
	void formatsAreChosenByParameterOrAcceptHeader() {
		assertThat(SheetFormat.of("CSV")).isEqualTo(SheetFormat.CSV);
		assertThat(SheetFormat.of("xlsx")).isEqualTo(SheetFormat.XLSX);
		assertThatThrownBy(() -> SheetFormat.of("pdf")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("csv or xlsx");
		assertThat(SheetDownload.accepted("text/csv")).isEqualTo(SheetFormat.CSV);
		assertThat(SheetDownload.accepted(SheetFormat.XLSX_MEDIA_TYPE)).isEqualTo(SheetFormat.XLSX);
		assertThat(SheetDownload.accepted("text/csv;q=0.5, " + SheetFormat.XLSX_MEDIA_TYPE)).isEqualTo(SheetFormat.XLSX);
		assertThat(SheetDownload.accepted("text/csv, " + SheetFormat.XLSX_MEDIA_TYPE + ";q=0.5")).isEqualTo(SheetFormat.CSV);
	}

	private static String csv(List<Line> lines) {
		var out = new ByteArrayOutputStream();
		SHEET.write(SheetFormat.CSV, out, lines);
		return out.toString(StandardCharsets.UTF_8);
	}

	static List<CSVRecord> parse(String csv) throws IOException {
		try (var parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
			return parser.getRecords();
		}
	}
}
