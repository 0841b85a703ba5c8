package dev.tandem.ingest;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;

@TandemTest
class IngestApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	ApiFixtures api;

	String first;

	String second;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		first = api.thresholdKpi("DAILY", "AVERAGE");
		second = api.thresholdKpi("MONTHLY", "SUM");
	}

	@Test
	void ndjsonAcrossManyKpisRollsUpPerPeriod() {
		var day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		var body = new StringBuilder();
		for (int hour = 0; hour < 24; hour++) {
			body.append("{\"kpi\":\"%s\",\"at\":\"%sT%02d:00:00Z\",\"value\":%d}\n".formatted(first, day, hour, hour % 2 == 0 ? 100 : 90));
			body.append("{\"kpi\":\"%s\",\"at\":\"%sT%02d:30:00Z\",\"value\":1}\n".formatted(second, day, hour));
		}
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_NDJSON)
			.content(body.toString())).hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.accepted").asNumber().isEqualTo(48);
		assertThat(kpis.periods(first, day, day)).singleElement()
			.satisfies(period -> assertThat(period.value()).isEqualTo(95.0))
			.satisfies(period -> assertThat(period.points()).isEqualTo(24));
		assertThat(kpis.periods(second, day.withDayOfMonth(1), day)).singleElement()
			.satisfies(period -> assertThat(period.value()).isEqualTo(24.0));
	}

	@Test
	void jsonArrayWithOneBadRowWritesNothing() {
		var body = """
				[{"kpi":"%s","at":"2026-01-01T00:00:00Z","value":1},
				 {"kpi":"%s","at":"2026-01-02T00:00:00Z","value":2},
				 {"kpi":"no-such-kpi","at":"2026-01-03T00:00:00Z","value":3}]""".formatted(first, second);
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("[2]");
		assertThat(stored(first)).isZero();
		assertThat(stored(second)).isZero();
	}

	@Test
	void anUnknownKpiIsReportedWithTheOtherProblemsOfItsRow() {
		var body = """
				[{"kpi":"%s","at":"2026-01-01T00:00:00Z","value":1},
				 {"kpi":"no-such-kpi","at":"yesterday","value":"high"}]""".formatted(first);
		var result = assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson();
		result.extractingPath("$.errors[*].field").asArray().containsExactly("[1]", "[1]", "[1]");
		result.extractingPath("$.errors[*].message").asArray().containsExactly("kpi: no KPI 'no-such-kpi' exists",
				"at: 'yesterday' is not an ISO-8601 timestamp such as 2026-11-01T00:00:00Z", "value: must be a number");
		assertThat(stored(first)).isZero();
	}

	@Test
	void aRowThatReadsWellButBreaksSeveralRulesHasThemAllReported() {
		var body = """
				[{"kpi":"no-such-kpi","at":"2099-01-01T00:00:00Z","value":1e400,"note":"%s"}]""".formatted("x".repeat(1001));
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].message").asArray().containsExactly(
					"kpi: no KPI 'no-such-kpi' exists",
					"at: 2099-01-01T00:00:00Z is not plausible; it must lie between 1900-01-01 and tomorrow",
					"value: must be a finite number", "note: must be at most 1000 characters");
	}

	@Test
	void ndjsonErrorsNameTheirLines() {
		var body = "{\"kpi\":\"%s\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":1}\n{\"kpi\":\"%s\",\"at\":\"yesterday\",\"value\":1}\n{\"kpi\":"
			.formatted(first, first);
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_NDJSON).content(body))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("line 3");
		var badValue = "{\"kpi\":\"%s\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":1}\n{\"kpi\":\"%s\",\"at\":\"yesterday\",\"value\":1}\n"
			.formatted(first, first);
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_NDJSON).content(badValue))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("line 2");
		assertThat(mvc.post().uri("/api/measurements").with(admin()).contentType(MediaType.APPLICATION_NDJSON).content(""))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(stored(first)).isZero();
	}

	@Test
	void csvImportReportsLineNumbersAndIsAllOrNothing() {
		var bad = "at,value,note\n2026-01-01,97.5,first\n2026-01-02,n/a,oops\n2026-01-03T10:00:00Z,98,\"with, comma\"\n";
		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv").content(bad)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("line 3");
		assertThat(stored(first)).isZero();

		var good = bad.replace("n/a", "96");
		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv").content(good)).hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.accepted").asNumber().isEqualTo(3);
		assertThat(kpis.measurements(first, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10, 0))
			.extracting(m -> m.note()).containsExactly("first", "oops", "with, comma");
	}

	@Test
	void csvBytesThatAreNotUtf8AreRefusedWhereTheyStandAndANamedCharsetIsHonoured() {
		// "café" in windows-1252: 0xE9 alone is not UTF-8
		byte[] latin = "at,value,note\n2026-01-01,97.5,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv").content(latin)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("line 2");
				assertThat(json).extractingPath("$.errors[0].message").asString().contains("column 20", "UTF-8");
			});
		assertThat(stored(first)).as("nothing recorded, nothing mangled").isZero();

		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv; charset=windows-1252").content(latin)).hasStatus(HttpStatus.CREATED);
		assertThat(kpis.measurements(first, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10, 0))
			.extracting(m -> m.note()).containsExactly("caf\u00e9");

		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv; charset=klingon").content(latin)).as("a charset nobody knows is no text/csv")
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aUtf8FileWithAByteOrderMarkIsRead() {
		byte[] bom = "\uFEFFat,value\n2026-01-01,97.5\n".getBytes(StandardCharsets.UTF_8);
		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin())
			.contentType("text/csv").content(bom)).hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.accepted").asNumber().isEqualTo(1);
	}

	@Test
	void csvUploadAsAFormFile() {
		var file = new MockMultipartFile("file", "uptime.csv", "text/csv", "2026-02-01,99\n2026-02-02,98\n".getBytes());
		assertThat(mvc.post().uri("/api/kpis/" + first + "/measurements/import").with(admin()).multipart().file(file))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.accepted").asNumber().isEqualTo(2);
		assertThat(mvc.post().uri("/api/kpis/no-such-kpi/measurements/import").with(admin()).multipart().file(file))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private long stored(String key) {
		return kpis.measurements(key, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000, 0).size();
	}
}
