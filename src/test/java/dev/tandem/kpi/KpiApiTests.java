package dev.tandem.kpi;

import static dev.tandem.TestUsers.admin;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

@TandemTest
class KpiApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

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

	@Test
	void createsEachShapeWithEveryField() {
		var leading = unique("leading");
		assertThat(api.post("/api/kpis", definition(leading, """
				"shape":"BAND","lower":2,"upper":4,"tolerance":0.5,"indicator":"LEADING\"""")))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.health.status").isEqualTo("NO_DATA");

		var key = unique("revenue");
		var created = api.post("/api/kpis", definition(key, """
				"shape":"TRAJECTORY","direction":"HIGHER_IS_BETTER","baseline":100,"baselineDate":"2026-01-01",
				"target":200,"targetDate":"2026-12-31","unit":"CURRENCY","currency":"EUR","category":"financial",
				"drivers":["%s"],"thresholdsByPeriod":[{"from":"2027-01-01","direction":"HIGHER_IS_BETTER",
				"baseline":200,"baselineDate":"2027-01-01","target":300,"targetDate":"2027-12-31"}]""".formatted(leading)))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/kpis/" + key);
		assertThat(created).bodyJson().extractingPath("$.drivers").asArray().containsExactly(leading);
		assertThat(created).bodyJson().extractingPath("$.currency").isEqualTo("EUR");
		assertThat(created).bodyJson().extractingPath("$.thresholdsByPeriod[0].target").asNumber().isEqualTo(300.0);

		assertThat(api.get("/api/kpis/" + key)).hasStatusOk()
			.hasHeader("ETag", "\"0\"")
			.bodyJson().extractingPath("$.team").isEqualTo(team);
		assertThat(api.get("/api/kpis?team=" + team)).hasStatusOk()
			.bodyJson().extractingPath("$[*].key").asArray().containsExactlyInAnyOrder(key, leading);
		// what the KPI page lists under "Drives"
		assertThat(kpis.drivenBy(leading)).extracting(KpiName::key).containsExactly(key);
		assertThat(kpis.drivenBy(key)).isEmpty();
	}

	@Test
	void rejectsDefinitionsThatBreakTheShapeRules() {
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":99,"warning":99.5""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("warning");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"THRESHOLD","direction":"LOWER_IS_BETTER","target":10,"warning":5""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("above the target");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"BAND","lower":5,"upper":5""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("upper");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"TRAJECTORY","direction":"HIGHER_IS_BETTER","baseline":1,"baselineDate":"2026-05-01",
				"target":2,"targetDate":"2026-01-01\"""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("targetDate");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"BAND","lower":1,"upper":2,"target":3""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("not used by a BAND");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":99,"warning":95,"unit":"CURRENCY\"""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("currency");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":99,"warning":95,"drivers":["nope-none"]""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("drivers[0]");
		assertThat(api.post("/api/kpis", definition(unique("k"), """
				"shape":"TRAJECTORY","direction":"HIGHER_IS_BETTER","baseline":1,"baselineDate":"0001-01-01",
				"target":2,"targetDate":"9999-01-01\"""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("baselineDate", "targetDate");
		assertThat(kpis.list(team)).isEmpty();
	}

	@Test
	void rejectsMalformedJsonWrongTypesAndUnknownValues() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", "{\"key\":")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(api.post("/api/kpis", "")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis", definition(key, "\"shape\":\"CIRCLE\"")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.detail").asString().contains("CIRCLE").contains("THRESHOLD");
		assertThat(api.post("/api/kpis", definition(key, """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":"high","warning":95""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("target");
		assertThat(api.post("/api/kpis", definition(key, """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":NaN,"warning":95""")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis", definition(key, """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":1e400,"warning":95""")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("target");
		assertThat(api.post("/api/kpis", "{\"key\":\"%s\"}".formatted(key)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("name", "team", "unit", "shape");
		assertThat(kpis.find(key)).isEmpty();
	}

	@Test
	void duplicateKeyIsAConflict() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", thresholdDefinition(key))).hasStatus(HttpStatus.CREATED);
		assertThat(api.post("/api/kpis", thresholdDefinition(key))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains(key);
	}

	@Test
	void updatesKeepAHistoryAndRefuseStaleVersions() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", thresholdDefinition(key))).hasStatus(HttpStatus.CREATED);
		var raised = thresholdDefinition(key).replace("\"target\":99", "\"target\":99.5");
		assertThat(api.put("/api/kpis/" + key, raised.replace("}", ",\"version\":0}"))).hasStatusOk()
			.bodyJson().extractingPath("$.version").asNumber().isEqualTo(1);
		assertThat(api.put("/api/kpis/" + key, raised.replace("}", ",\"version\":0}"))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString()
			.startsWith("The KPI '" + key + "' (KPI " + key + ") is at version 1, not 0;");
		assertThat(api.put("/api/kpis/" + key, raised).header("If-Match", "\"0\""))
			.hasStatus(HttpStatus.PRECONDITION_FAILED).bodyJson().extractingPath("$.detail").asString()
			.startsWith("The KPI '" + key + "' (KPI " + key + ") has changed since \"0\"");
		assertThat(api.get("/api/kpis/" + key + "/history")).hasStatusOk()
			.bodyJson().extractingPath("$[?(@.field=='target')].to").asArray().containsExactly("99.5");
		assertThat(api.get("/api/kpis/" + key + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='target')].by").asArray().containsExactly("admin");
	}

	@Test
	void deleteRemovesTheKpi() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", thresholdDefinition(key))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.delete().uri("/api/kpis/" + key).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(api.get("/api/kpis/" + key)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/kpis/" + key).with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void measurementsDriveHealthAndCorrectionsKeepHistory() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", thresholdDefinition(key).replace("\"WEEKLY\"", "\"DAILY\""))).hasStatus(HttpStatus.CREATED);
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		var at = today + "T06:00:00Z";
		assertThat(api.post("/api/kpis/" + key + "/measurements", "{\"at\":\"%s\",\"value\":50}".formatted(at)))
			.hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.accepted").asNumber().isEqualTo(1);
		assertThat(api.get("/api/kpis/" + key + "/health")).hasStatusOk().bodyJson()
			.extractingPath("$.status").isEqualTo("RED");

		assertThat(api.post("/api/kpis/" + key + "/measurements", "[{\"at\":\"%s\",\"value\":99.2,\"note\":\"recount\"}]".formatted(at)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(api.get("/api/kpis/" + key + "/health")).bodyJson().extractingPath("$.status").isEqualTo("GREEN");
		assertThat(api.get("/api/kpis/" + key + "/health")).bodyJson().extractingPath("$.value").asNumber().isEqualTo(99.2);
		assertThat(api.get("/api/kpis/" + key + "/measurements")).hasStatusOk().bodyJson()
			.extractingPath("$[*].superseded").asArray().containsExactly(true, false);
		assertThat(api.get("/api/health?team=" + team)).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.kpi=='%s')].status".formatted(key)).asArray().containsExactly("GREEN");
	}

	@Test
	void badMeasurementsAreRefusedWhole() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", thresholdDefinition(key))).hasStatus(HttpStatus.CREATED);
		assertThat(api.post("/api/kpis/" + key + "/measurements", """
				[{"at":"2026-01-01T00:00:00Z","value":1},{"at":"1200-01-01T00:00:00Z","value":2}]"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1]");
		assertThat(api.post("/api/kpis/" + key + "/measurements", "[{\"at\":\"2026-01-01\",\"value\":1}]"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis/" + key + "/measurements", "[{\"at\":\"2026-01-01T00:00:00Z\",\"value\":\"1\"}]"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis/" + key + "/measurements", "[{\"at\":\"2026-01-01T00:00:00Z\"}]"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis/" + key + "/measurements", "[]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/kpis/nope-none/measurements", "[{\"at\":\"2026-01-01T00:00:00Z\",\"value\":1}]"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(kpis.measurements(key, java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"), 10, 0))
			.isEmpty();
	}

	@Test
	void oversizedBodiesAre413() {
		var huge = "{\"key\":\"" + "x".repeat(2_000_000) + "\"}";
		assertThat(api.post("/api/kpis", huge)).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.bodyJson().extractingPath("$.detail").asString().contains("limit");
	}

	private String thresholdDefinition(String key) {
		return definition(key, """
				"shape":"THRESHOLD","direction":"HIGHER_IS_BETTER","target":99,"warning":95""");
	}

	private String definition(String key, String shapeFields) {
		var base = """
				{"key":"%s","name":"KPI %s","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"WEEKLY","aggregation":"LAST","indicator":"LAGGING",%s}""".formatted(key, key, team, owner, shapeFields);
		// later fields win in the tests' overrides ("unit", "indicator"): drop the defaults they replace
		for (var field : new String[] { "unit", "indicator" }) {
			var marker = "\"" + field + "\":";
			if (shapeFields.contains(marker)) {
				base = base.replaceFirst("\"" + field + "\":\"[A-Z]+\",", "");
			}
		}
		return base;
	}
}
