package dev.tandem.sheet;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;
import dev.tandem.org.Organisation;
import dev.tandem.org.Role;

@TandemTest
class ExportApiTests {

	static final String XLSX = SheetFormat.XLSX_MEDIA_TYPE;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Organisation organisation;

	ApiFixtures api;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
	}

	@Test
	void theDashboardIsACsvOfEveryKpiWithItsHealth() throws IOException {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		record(key, List.of(50.0), Instant.now().minus(1, ChronoUnit.DAYS));
		var result = mvc.get().uri("/api/health").with(admin()).accept(MediaType.parseMediaType("text/csv")).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("dashboard.csv");
		var records = SheetTests.parse(body(result));
		assertThat(records.get(0).toList()).startsWith("kpi", "name", "team", "owner", "unit", "status", "value");
		var row = rows(body(result)).stream().filter(r -> r.get("kpi").equals(key)).findFirst().orElseThrow();
		assertThat(row.get("name")).isEqualTo("Uptime");
		assertThat(row.get("status")).isEqualTo("RED");
		assertThat(row.get("value")).isEqualTo("50");
		assertThat(row.get("target")).isEqualTo("99");
		// the JSON dashboard is still the default
		assertThat(api.get("/api/health")).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void measurementsAreQuotedNeutralisedAndLimitedToTheRange() throws IOException {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		var start = Instant.parse("2025-01-01T00:00:00Z");
		assertThat(api.post("/api/kpis/" + key + "/measurements", """
				[{"at":"%s","value":-3.5,"note":"=HYPERLINK(\\"http://evil.example\\",\\"click\\")"},
				 {"at":"%s","value":97,"note":"ops, \\"recount\\""},
				 {"at":"%s","value":98}]""".formatted(start, start.plus(1, ChronoUnit.DAYS), start.plus(10, ChronoUnit.DAYS))))
			.hasStatus(HttpStatus.CREATED);
		var result = mvc.get().uri("/api/kpis/{key}/measurements?from={from}&to={to}", key, start,
				start.plus(5, ChronoUnit.DAYS)).with(admin()).accept(MediaType.parseMediaType("text/csv")).exchange();
		assertThat(result).hasStatusOk();
		var text = body(result);
		assertThat(text).contains("\"ops, \"\"recount\"\"\"");
		var records = SheetTests.parse(text);
		assertThat(records).hasSize(3);
		assertThat(records.get(0).toList()).startsWith("at", "value", "note");
		assertThat(records.get(1).get(0)).isEqualTo("2025-01-01T00:00:00Z");
		assertThat(records.get(1).get(1)).as("a negative number stays a number").isEqualTo("-3.5");
		assertThat(records.get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
		assertThat(records.get(2).get(2)).isEqualTo("ops, \"recount\"");
	}

	@Test
	void measurementsAsXlsxHaveNumbersAndDates() throws IOException {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		var at = Instant.parse("2025-02-03T04:05:06Z");
		record(key, List.of(12.5, 13.0), at);
		var result = mvc.get().uri("/api/kpis/" + key + "/measurements?format=xlsx").with(admin()).exchange();
		assertThat(result).hasStatusOk().hasContentType(XLSX);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains(key + "-measurements.xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			var sheet = workbook.getSheet("Measurements");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("value");
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.5);
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(0))).isTrue();
			assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 2, 3, 4, 5, 6));
			assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(13.0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
		// Accept names the same spreadsheet
		assertThat(mvc.get().uri("/api/kpis/" + key + "/measurements").with(admin()).accept(MediaType.parseMediaType(XLSX)))
			.hasStatusOk().hasContentType(XLSX);
	}

	/**
	 * Ten million rows are not tested here; what makes them feasible is: the export reads the
	 * rows through an open cursor inside a read-only transaction and hands each one on as it is
	 * read, so that no list of the series is ever built. The row handler is called from inside
	 * the JDBC result set's iteration, which a list read first would not be.
	 */
	@Test
	void measurementsAreStreamedFromTheCursorRatherThanLoadedFirst() throws IOException {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		var values = new ArrayList<Double>();
		for (int i = 0; i < 5_000; i++) {
			values.add((double) i);
		}
		record(key, values, Instant.parse("2020-01-01T00:00:00Z"));
		var count = new AtomicInteger();
		var fromTheCursor = new AtomicBoolean();
		var inTransaction = new AtomicBoolean();
		long handed = kpis.eachMeasurement(key, Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"),
				m -> {
					if (count.getAndIncrement() == 0) {
						fromTheCursor.set(List.of(Thread.currentThread().getStackTrace()).stream()
							.anyMatch(frame -> frame.getClassName().contains("ResultSetSpliterator")));
						inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive()
								&& TransactionSynchronizationManager.isCurrentTransactionReadOnly());
					}
					assertThat(m.value()).isEqualTo(count.get() - 1);
				});
		assertThat(handed).isEqualTo(5_000);
		assertThat(fromTheCursor).as("rows handed on as the result set is read").isTrue();
		assertThat(inTransaction).as("a cursor needs a transaction on PostgreSQL").isTrue();
		var csv = mvc.get().uri("/api/kpis/" + key + "/measurements?format=csv").with(admin()).exchange();
		assertThat(csv).hasStatusOk();
		assertThat(body(csv).split("\r\n")).hasSize(5_001);
		// far more rows than the streaming workbook keeps in memory (100): all of them written out
		var xlsx = mvc.get().uri("/api/kpis/" + key + "/measurements?format=xlsx").with(admin()).exchange();
		assertThat(xlsx).hasStatusOk();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			var sheet = workbook.getSheet("Measurements");
			assertThat(sheet.getLastRowNum()).isEqualTo(5_000);
			assertThat(sheet.getRow(5_000).getCell(1).getNumericCellValue()).isEqualTo(4_999.0);
		}
	}

	@Test
	void aCyclesOkrsAreOneRowPerKeyResultWithTheLatestCheckIn() throws IOException {
		var cycle = api.cycleAroundToday();
		var team = api.teamWithOwner();
		var parent = objective(cycle, team, "Win the market, for real", "\"level\":\"TEAM\"");
		var child = objective(cycle, team, "Ship it", "\"level\":\"TEAM\",\"parentId\":" + parent);
		var kr = keyResult(child, """
				"title":"=cmd|' /C calc'!A0","type":"METRIC","owner":"%s","baseline":0,"target":10""".formatted(team[1]));
		keyResult(child, """
				"title":"Launch","type":"MILESTONE","owner":"%s\"""".formatted(team[1]));
		checkIn(kr, "\"value\":2,\"confidence\":4,\"changed\":\"first\"", "2");
		checkIn(kr, "\"value\":5,\"confidence\":7,\"changed\":\"second, better\"", "1");
		var result = mvc.get().uri("/api/cycles/" + cycle + "/overview").with(admin()).accept(MediaType.parseMediaType("text/csv"))
			.exchange();
		assertThat(result).hasStatusOk();
		var records = SheetTests.parse(body(result));
		assertThat(records.get(0).toList()).startsWith("objective", "level", "team", "owner", "parent", "commitment",
				"key_result", "type", "kr_owner", "baseline", "target", "unit", "kpi", "weight");
		var rows = rows(body(result));
		assertThat(rows).hasSize(3);
		var metric = rows.stream().filter(r -> r.get("type").equals("METRIC")).findFirst().orElseThrow();
		assertThat(metric.get("objective")).isEqualTo("Ship it");
		assertThat(metric.get("parent")).isEqualTo("Win the market, for real");
		assertThat(metric.get("key_result")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(metric.get("current")).isEqualTo("5");
		assertThat(metric.get("confidence")).isEqualTo("7");
		assertThat(metric.get("last_check_in_value")).isEqualTo("5");
		assertThat(metric.get("last_check_in_changed")).isEqualTo("second, better");
		assertThat(metric.get("last_check_in_at")).isNotEmpty();
		var lonely = rows.stream().filter(r -> r.get("objective").equals("Win the market, for real")).toList();
		assertThat(lonely).as("an objective without key results is still a row").hasSize(1);
		assertThat(lonely.get(0).get("key_result")).isEmpty();

		var xlsx = mvc.get().uri("/api/cycles/" + cycle + "/overview?format=xlsx").with(admin()).exchange();
		assertThat(xlsx).hasStatusOk().hasContentType(XLSX);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			var sheet = workbook.getSheet("OKRs");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			var header = new ArrayList<String>();
			sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
			int target = header.indexOf("target");
			var targets = new ArrayList<Double>();
			for (int i = 1; i <= 3; i++) {
				var cell = sheet.getRow(i).getCell(target);
				if (cell != null) {
					assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
					targets.add(cell.getNumericCellValue());
				}
			}
			assertThat(targets).containsExactly(10.0);
		}
	}

	@Test
	void aCyclesCheckInsAreJsonByDefaultPagedAndExportable() throws IOException {
		var cycle = api.cycleAroundToday();
		var team = api.teamWithOwner();
		var objective = objective(cycle, team, "Faster builds", "\"level\":\"TEAM\"");
		var kr = keyResult(objective, """
				"title":"Build minutes","type":"METRIC","owner":"%s","baseline":30,"target":10""".formatted(team[1]));
		checkIn(kr, "\"value\":25,\"confidence\":5,\"blockers\":\"@flaky tests\"", "3");
		checkIn(kr, "\"value\":20,\"confidence\":6", "2");
		checkIn(kr, "\"value\":15,\"confidence\":8", "1");
		assertThat(api.get("/api/cycles/" + cycle + "/check-ins")).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson().extractingPath("$[*].value").asArray().containsExactly(15.0, 20.0, 25.0);
		assertThat(api.get("/api/cycles/" + cycle + "/check-ins?limit=1&offset=1")).hasStatusOk()
			.bodyJson().extractingPath("$[*].confidence").asArray().containsExactly(6);
		assertThat(api.get("/api/cycles/" + cycle + "/check-ins?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
		var csv = mvc.get().uri("/api/cycles/" + cycle + "/check-ins").with(admin()).accept(MediaType.parseMediaType("text/csv"))
			.exchange();
		assertThat(csv).hasStatusOk();
		var records = SheetTests.parse(body(csv));
		assertThat(records).hasSize(4);
		assertThat(records.get(0).toList()).startsWith("at", "objective", "key_result", "value", "done", "confidence");
		var oldest = rows(body(csv)).get(2);
		assertThat(oldest.get("key_result")).isEqualTo("Build minutes");
		assertThat(oldest.get("objective")).isEqualTo("Faster builds");
		assertThat(oldest.get("blockers")).isEqualTo("'@flaky tests");
		assertThat(oldest.get("value")).isEqualTo("25");
		assertThat(api.get("/api/cycles/999999999/check-ins")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theAuditTrailExportIsForAdministratorsOnly() throws IOException {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		var csv = mvc.get().uri("/api/audit?type=kpi.created&format=csv").with(admin()).exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("audit-trail.csv");
		var records = SheetTests.parse(body(csv));
		assertThat(records.get(0).toList()).startsWith("at", "actor", "type", "subject", "summary", "before", "after");
		assertThat(rows(body(csv)).stream().map(r -> r.get("type")).distinct()).containsExactly("kpi.created");
		assertThat(rows(body(csv)).stream().map(r -> r.get("subject"))).contains(key);
		var xlsx = mvc.get().uri("/api/audit?format=xlsx").with(admin()).exchange();
		assertThat(xlsx).hasStatusOk().hasContentType(XLSX);

		var editor = TestUsers.person(organisation, Role.EDITOR, TestUsers.team(organisation));
		for (var uri : List.of("/api/audit?format=csv", "/api/audit?format=xlsx")) {
			assertThat(mvc.get().uri(uri).with(TestUsers.as(editor))).hasStatus(HttpStatus.FORBIDDEN)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(mvc.get().uri("/api/audit").with(TestUsers.as(editor)).accept(MediaType.parseMediaType("text/csv")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anUnsupportedFormatOrAcceptIsAProblem() {
		var key = api.thresholdKpi("DAILY", "AVERAGE");
		var pdf = mvc.get().uri("/api/kpis/" + key + "/measurements?format=pdf").with(admin()).exchange();
		assertThat(pdf).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(JsonPath.<String>read(body(pdf), "$.errors[0].field")).isEqualTo("format");
		// the problem body of a 406 is written by the error page, which MockMvc does not dispatch to: ExportOverHttpTests
		for (var uri : List.of("/api/health", "/api/kpis/" + key + "/measurements", "/api/audit")) {
			assertThat(mvc.get().uri(uri).with(admin()).accept(MediaType.APPLICATION_XML)).hasStatus(HttpStatus.NOT_ACCEPTABLE);
		}
		assertThat(mvc.get().uri("/api/kpis/no-such-kpi/measurements?format=csv").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void record(String key, List<Double> values, Instant first) {
		var measurements = new ArrayList<NewMeasurement>();
		for (int i = 0; i < values.size(); i++) {
			measurements.add(new NewMeasurement(key, first.plus(i, ChronoUnit.MINUTES), values.get(i), null));
		}
		kpis.record(measurements, i -> "[" + i + "]", Source.API);
	}

	private long objective(long cycle, String[] team, String title, String extra) {
		var id = ApiFixtures.id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"%s","commitment":"COMMITTED",%s}"""
			.formatted(cycle, team[0], team[1], title, extra)).exchange());
		assertThat(api.post("/api/objectives/" + id + "/activate", "")).hasStatusOk();
		return id;
	}

	private long keyResult(long objective, String fields) {
		return ApiFixtures.id(api.post("/api/objectives/" + objective + "/key-results", "{" + fields + "}").exchange());
	}

	/** A check-in {@code daysAgo} days back, so that their order is known. */
	private void checkIn(long keyResult, String fields, String daysAgo) {
		var at = Instant.now().minus(Long.parseLong(daysAgo), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		assertThat(api.post("/api/key-results/" + keyResult + "/check-ins", "{" + fields + ",\"at\":\"" + at + "\"}"))
			.hasStatus(HttpStatus.CREATED);
	}

	/** The rows under the header, each by column name. */
	private static List<Map<String, String>> rows(String csv) throws IOException {
		var records = SheetTests.parse(csv);
		var header = records.get(0).toList();
		var rows = new ArrayList<Map<String, String>>();
		for (CSVRecord record : records.subList(1, records.size())) {
			assertThat(record.size()).as("every row has every column").isEqualTo(header.size());
			var row = new LinkedHashMap<String, String>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}
}
