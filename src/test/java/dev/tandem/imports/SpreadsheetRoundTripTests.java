package dev.tandem.imports;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.okr.Objectives;

/**
 * A cycle exported and imported into a new cycle is the same plan: the same objectives with the
 * same levels, owners, parents and commitments, the same key results with the same numbers,
 * owners, weights and KPI links, as CSV and as XLSX.
 */
@TandemTest
@Tag("db")
class SpreadsheetRoundTripTests {

	/** The columns the import reads: what must survive a round trip. */
	static final List<String> PLAN = List.of("objective", "level", "team", "owner", "parent", "commitment", "key_result",
			"type", "kr_owner", "baseline", "target", "unit", "kpi", "weight");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Objectives objectives;

	ApiFixtures api;

	String team;

	String owner;

	String kpi;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
		kpi = api.thresholdKpi("DAILY", "AVERAGE");
	}

	@Test
	void aCycleExportedAsCsvImportsIntoANewCycleAsTheSamePlan() throws IOException {
		long first = api.cycleAroundToday();
		var csv = String.join(",", PLAN) + "\n"
				+ "Win the market,COMPANY,%s,%s,,COMMITTED,Grow revenue to 2 M,METRIC,%s,1.2,2,M€,,1\n".formatted(team, owner, owner)
				+ "Faster checkout,TEAM,%s,%s,Win the market,ASPIRATIONAL,Checkout under 2 s,METRIC,%s,3.5,2,s,%s,2\n"
					.formatted(team, owner, owner, kpi)
				+ "Faster checkout,TEAM,%s,%s,Win the market,ASPIRATIONAL,Ship one-click,MILESTONE,%s,,,,,1\n"
					.formatted(team, owner, owner);
		assertThat(importInto(first, "text/csv", csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(HttpStatus.CREATED);
		var exported = exportCsv(first);

		long second = api.cycleAroundToday();
		assertThat(importInto(second, "text/csv", exported.getBytes(StandardCharsets.UTF_8))).isEqualTo(HttpStatus.CREATED);

		assertThat(plan(parseCsv(exportCsv(second)))).isEqualTo(plan(parseCsv(exported))).hasSize(3);
		assertThat(plan(parseCsv(exported))).anySatisfy(row -> assertThat(row).containsEntry("kpi", kpi)
			.containsEntry("parent", "Win the market").containsEntry("weight", "2"));
		assertThat(objectives.list(second, null, 100, 0)).hasSize(2);
	}

	@Test
	void aCycleExportedAsXlsxImportsIntoANewCycleAsTheSamePlan() throws IOException {
		long first = api.cycleAroundToday();
		var csv = String.join(",", PLAN) + "\n"
				+ "Happy customers,TEAM,%s,%s,,COMMITTED,CSAT from 4.1 to 4.6,METRIC,%s,4.1,4.6,,%s,3\n".formatted(team, owner,
						owner, kpi);
		assertThat(importInto(first, "text/csv", csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(HttpStatus.CREATED);
		var workbook = mvc.get().uri("/api/cycles/{id}/overview?format=xlsx", first).with(admin()).exchange();
		assertThat(workbook).hasStatusOk();
		byte[] xlsx = workbook.getResponse().getContentAsByteArray();

		long second = api.cycleAroundToday();
		assertThat(importInto(second, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
			.isEqualTo(HttpStatus.CREATED);

		assertThat(plan(parseCsv(exportCsv(second)))).isEqualTo(plan(parseCsv(exportCsv(first)))).hasSize(1);
		assertThat(plan(parseXlsx(xlsx))).isEqualTo(plan(parseCsv(exportCsv(first))));
	}

	private HttpStatus importInto(long cycle, String type, byte[] body) {
		var result = mvc.post().uri("/api/import/okrs?cycle={cycle}", cycle).with(admin()).contentType(type).content(body)
			.exchange();
		return HttpStatus.valueOf(result.getResponse().getStatus());
	}

	private String exportCsv(long cycle) {
		var result = mvc.get().uri("/api/cycles/{id}/overview", cycle).accept("text/csv").with(admin()).exchange();
		assertThat(result).hasStatusOk();
		return ApiFixtures.body(result);
	}

	private static List<Map<String, String>> parseCsv(String csv) throws IOException {
		var rows = new ArrayList<Map<String, String>>();
		var text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		for (var record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
			rows.add(record.toMap());
		}
		return rows;
	}

	private static List<Map<String, String>> parseXlsx(byte[] xlsx) throws IOException {
		var rows = new ArrayList<Map<String, String>>();
		var format = new org.apache.poi.ss.usermodel.DataFormatter();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			var header = new ArrayList<String>();
			sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var row = new TreeMap<String, String>();
				for (int c = 0; c < header.size(); c++) {
					var cell = sheet.getRow(r).getCell(c);
					row.put(header.get(c), cell == null ? "" : format.formatCellValue(cell));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** The plan's columns of each row, numbers written alike ("2.0" and "2" are one number), in a stable order. */
	private static List<Map<String, String>> plan(List<Map<String, String>> rows) {
		return rows.stream().map(row -> {
			var plan = new TreeMap<String, String>();
			PLAN.forEach(column -> plan.put(column, normal(row.getOrDefault(column, ""))));
			return (Map<String, String>) plan;
		}).sorted(java.util.Comparator.comparing(Object::toString)).toList();
	}

	private static String normal(String value) {
		try {
			return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException notANumber) {
			return value;
		}
	}
}
