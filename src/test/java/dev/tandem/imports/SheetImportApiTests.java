package dev.tandem.imports;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.Objectives;

@TandemTest
class SheetImportApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Objectives objectives;

	@Autowired
	dev.tandem.org.Organisation organisation;

	ApiFixtures api;

	String team;

	String owner;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
	}

	String kpiRow(String key, String target) {
		return "%s,Uptime %s,%s,%s,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,higher is better,%s,95\n".formatted(key, key,
				team, owner, target);
	}

	static final String KPI_HEADER = "Key,NAME, team ,Owner,unit,source,frequency,aggregation,indicator,shape,direction,target,warning\n";

	MvcTestResult postKpis(String csv, String query) {
		return mvc.post().uri("/api/import/kpis" + query).with(admin()).contentType("text/csv").content(csv).exchange();
	}

	@Test
	void kpisFromCsvAreCreatedWithHeadersMatchedLoosely() {
		var first = TestUsers.unique("sheet-kpi");
		var second = TestUsers.unique("sheet-kpi");
		var result = postKpis(KPI_HEADER + kpiRow(first, "99") + kpiRow(second, "99.5"), "");
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.kpis.length()").asNumber().isEqualTo(2);
		assertThat(kpis.get(first).team()).isEqualTo(team);
		assertThat(kpis.get(second).name()).isEqualTo("Uptime " + second);
	}

	@Test
	void aKpiDryRunListsWhatWouldBeCreatedAndEveryProblemAndWritesNothing() {
		var good = TestUsers.unique("sheet-kpi");
		var existing = api.thresholdKpi("DAILY", "AVERAGE");
		var csv = KPI_HEADER + kpiRow(good, "99") + kpiRow(good, "98") + kpiRow(existing, "99")
				+ kpiRow(TestUsers.unique("sheet-kpi"), "lots")
				+ "%s,Orphan,no-such-team,%s,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,HIGHER_IS_BETTER,99,95\n"
					.formatted(TestUsers.unique("sheet-kpi"), owner);
		var result = postKpis(csv, "?dryRun=true");
		assertThat(result).hasStatusOk();
		var body = ApiFixtures.body(result);
		assertThat((Boolean) JsonPath.read(body, "$.imported")).isFalse();
		assertThat((Integer) JsonPath.read(body, "$.kpis.length()")).isEqualTo(5);
		assertThat(JsonPath.<java.util.List<String>>read(body, "$.problems[*].column")).contains("key", "target", "team");
		assertThat(JsonPath.<java.util.List<Integer>>read(body, "$.problems[*].row")).contains(3, 4, 5, 6);
		assertThat(JsonPath.<java.util.List<Integer>>read(body, "$.problems[?(@.row == 2)]")).isEmpty();
		assertThat(kpis.find(good)).isEmpty();
	}

	@Test
	void aCleanDryRunWritesNothingEither() {
		var key = TestUsers.unique("sheet-kpi");
		assertThat(postKpis(KPI_HEADER + kpiRow(key, "99"), "?dryRun=true")).hasStatusOk().bodyJson()
			.extractingPath("$.problems.length()").asNumber().isEqualTo(0);
		assertThat(kpis.find(key)).isEmpty();
	}

	@Test
	void aRealImportWithOneBadRowIsRefusedWholeWithRowAndColumn() {
		var good = TestUsers.unique("sheet-kpi");
		var result = postKpis(KPI_HEADER + kpiRow(good, "99") + kpiRow(TestUsers.unique("sheet-kpi"), "x"), "");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("row 3, target");
		assertThat(kpis.find(good)).isEmpty();
	}

	@Test
	void aRuleOfTheKpiModuleIsReportedAgainstItsRow() {
		// the warning must lie on the wrong side of the target: the KPI module's own rule, not the sheet's
		var good = TestUsers.unique("sheet-kpi");
		var result = postKpis(KPI_HEADER + kpiRow(good, "99") + kpiRow(TestUsers.unique("sheet-kpi"), "90"),
				"?dryRun=true");
		assertThat(result).hasStatusOk();
		assertThat(JsonPath.<java.util.List<Integer>>read(ApiFixtures.body(result), "$.problems[*].row")).containsOnly(3);
		assertThat(kpis.find(good)).isEmpty();
	}

	@Test
	void aMappingMatchesOtherToolsColumns() {
		var key = TestUsers.unique("sheet-kpi");
		var csv = "Metric ID,Metric Name,Group,Lead,unit,source,frequency,aggregation,indicator,shape,direction,Goal,warning,Notes\n"
				+ "%s,Mapped,%s,%s,PERCENT,API,DAILY,AVERAGE,LAGGING,THRESHOLD,HIGHER_IS_BETTER,99,95,ignored\n".formatted(key, team, owner);
		var mapping = "{\"Metric ID\":\"key\",\"Metric Name\":\"name\",\"Group\":\"team\"}";
		var result = mvc.post().uri("/api/import/kpis").param("mapping", mapping).param("map.target", "Goal").with(admin())
			.contentType("text/csv").content(csv).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.ignoredColumns").asArray()
			.containsExactly("Notes");
		assertThat(kpis.get(key).name()).isEqualTo("Mapped");
		assertThat(kpis.get(key).owner()).isEqualTo(owner);
	}

	@Test
	void utf8WithAndWithoutByteOrderMarkAndWindows1252AreRead() {
		var withBom = TestUsers.unique("sheet-kpi");
		var plain = TestUsers.unique("sheet-kpi");
		var windows = TestUsers.unique("sheet-kpi");
		var csv = KPI_HEADER + kpiRow(withBom, "99").replace("Uptime " + withBom, "Délai");
		var bom = new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		assertThat(mvc.post().uri("/api/import/kpis").with(admin()).contentType("text/csv")
			.content(concat(bom, csv.getBytes(StandardCharsets.UTF_8)))).hasStatus(HttpStatus.CREATED);
		assertThat(postKpis(KPI_HEADER + kpiRow(plain, "99").replace("Uptime " + plain, "Délai"), ""))
			.hasStatus(HttpStatus.CREATED);
		var cp1252 = (KPI_HEADER + kpiRow(windows, "99").replace("Uptime " + windows, "Délai – “net”"))
			.getBytes(Charset.forName("windows-1252"));
		assertThat(mvc.post().uri("/api/import/kpis").with(admin()).contentType("text/csv").content(cp1252))
			.hasStatus(HttpStatus.CREATED);
		assertThat(kpis.get(withBom).name()).isEqualTo("Délai");
		assertThat(kpis.get(plain).name()).isEqualTo("Délai");
		assertThat(kpis.get(windows).name()).isEqualTo("Délai – “net”");
	}

	@Test
	void anXlsxUploadTakesFormulaCellsCachedValueAndDates() throws IOException {
		var key = TestUsers.unique("sheet-kpi");
		byte[] xlsx;
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("KPIs");
			var header = KPI_HEADER.strip().split(",");
			var headerRow = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				headerRow.createCell(i).setCellValue(header[i]);
			}
			headerRow.createCell(header.length).setCellValue("category");
			var values = kpiRow(key, "0").strip().split(",");
			var row = sheet.createRow(1);
			for (int i = 0; i < values.length; i++) {
				row.createCell(i).setCellValue(values[i]);
			}
			row.createCell(11).setCellFormula("90+9");
			row.createCell(12).setCellValue(95);
			var date = row.createCell(13);
			date.setCellValue(java.time.LocalDate.of(2027, 3, 31));
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
			date.setCellStyle(style);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			assertThat(row.getCell(11).getCellType()).isEqualTo(CellType.FORMULA);
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		var result = mvc.post().uri("/api/import/kpis").with(admin())
			.multipart().file(new MockMultipartFile("file", "kpis.xlsx", XLSX, xlsx)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.format").isEqualTo("XLSX");
		assertThat(kpis.get(key).target()).isEqualTo(99.0);
		assertThat(kpis.get(key).category()).isEqualTo("2027-03-31");
	}

	@Test
	void aFileThatIsNeitherCsvNorXlsxIs415() {
		var png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(mvc.post().uri("/api/import/kpis").with(admin()).contentType("image/png").content(png))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).bodyJson().extractingPath("$.detail").asString()
			.contains("neither CSV nor XLSX");
		var notAWorkbook = zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.post().uri("/api/import/kpis").with(admin()).contentType(XLSX).content(notAWorkbook))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aZipBombDisguisedAsXlsxIsRefused() {
		// valid XML as far as the parser reads, then 50 MB of spaces that deflate a thousandfold
		var types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ " ".repeat(50 * 1024 * 1024) + "</Types>";
		var bomb = zip("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThat(mvc.post().uri("/api/import/kpis").with(admin()).contentType(XLSX).content(bomb))
			.hasStatus(HttpStatus.CONTENT_TOO_LARGE).bodyJson().extractingPath("$.detail").asString().contains("zip bomb");
	}

	@Test
	void aHundredThousandRowsAreRefusedWithTheCapAndWriteNothing() {
		var first = TestUsers.unique("sheet-kpi");
		var csv = new StringBuilder(KPI_HEADER).append(kpiRow(first, "99"));
		for (int i = 0; i < 100_000; i++) {
			csv.append("k").append(i).append('\n');
		}
		assertThat(postKpis(csv.toString(), "")).hasStatus(HttpStatus.CONTENT_TOO_LARGE).bodyJson()
			.extractingPath("$.detail").asString().contains("more than 10000 rows");
		assertThat(kpis.find(first)).isEmpty();
	}

	@Test
	void anEmptyFileAndAHeaderWithoutRowsAre400() {
		assertThat(postKpis("", "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
			.asString().contains("empty");
		assertThat(postKpis("\n\n", "")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(postKpis(KPI_HEADER, "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].message").asString().contains("no rows");
	}

	@Test
	void aMissingRequiredColumnIsNamed() {
		assertThat(postKpis("key,name\nx,y\n", "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[*].field").asArray().contains("header, team", "header, shape");
	}

	@Test
	void aViewerMayNotImportNorDryRun() {
		var viewer = TestUsers.person(organisation, dev.tandem.org.Role.VIEWER, team);
		var key = TestUsers.unique("sheet-kpi");
		assertThat(mvc.post().uri("/api/import/kpis?dryRun=true").with(TestUsers.as(viewer)).contentType("text/csv")
			.content(KPI_HEADER + kpiRow(key, "99"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/import/kpis").with(TestUsers.as(viewer)).contentType("text/csv")
			.content(KPI_HEADER + kpiRow(key, "99"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(kpis.find(key)).isEmpty();
	}

	static byte[] concat(byte[] a, byte[] b) {
		var out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	static byte[] zip(String entry, byte[] content) {
		try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
