package dev.tandem.kpi;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;

/** A KPI's own valid range (min, max) through the API, on both databases. */
@TandemTest
class KpiRangeApiTests {

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
	void minAndMaxRoundTripThroughCreateGetAndUpdate() {
		var key = unique("growth");
		// a growth rate in percent: may be negative and pass 100
		assertThat(api.post("/api/kpis", definition(key, "\"min\":-100,\"target\":150,\"warning\":-20")))
			.hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.min").asNumber().isEqualTo(-100.0);
				assertThat(json).doesNotHavePath("$.max");
			});
		assertThat(api.get("/api/kpis/" + key)).hasStatusOk().bodyJson().extractingPath("$.min").asNumber()
			.isEqualTo(-100.0);

		assertThat(api.put("/api/kpis/" + key, definition(key, "\"min\":-50,\"max\":200,\"target\":150,\"warning\":-20")))
			.hasStatusOk();
		assertThat(api.get("/api/kpis/" + key)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.min").asNumber().isEqualTo(-50.0);
			assertThat(json).extractingPath("$.max").asNumber().isEqualTo(200.0);
		});
		assertThat(api.get("/api/kpis/" + key + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='max')].to").asArray().containsExactly("200.0");

		// left out again: back to the unit's default, which the thresholds must then fit
		assertThat(api.put("/api/kpis/" + key, definition(key, "\"target\":150,\"warning\":-20")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactly("target", "warning");
				assertThat(json).extractingPath("$.errors[0].message").asString()
					.contains("a percent is 0 to 100 unless min and max say otherwise").contains("set min and max");
			});
		assertThat(api.put("/api/kpis/" + key, definition(key, "\"target\":90,\"warning\":80"))).hasStatusOk()
			.bodyJson().doesNotHavePath("$.min");
		assertThat(api.get("/api/kpis/" + key)).bodyJson().satisfies(json -> {
			assertThat(json).doesNotHavePath("$.min");
			assertThat(json).doesNotHavePath("$.max");
		});
	}

	@Test
	void aRangeOfOneValueOrUpsideDownIsRefused() {
		assertThat(api.post("/api/kpis", definition(unique("k"), "\"min\":5,\"max\":5,\"target\":5,\"warning\":4")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("max");
				assertThat(json).extractingPath("$.errors[0].message").asString().contains("must be above min (5)");
			});
		assertThat(api.post("/api/kpis", definition(unique("k"), "\"min\":50,\"max\":10,\"target\":30,\"warning\":20")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("max");
		assertThat(api.post("/api/kpis", definition(unique("k"), "\"min\":1e400,\"target\":30,\"warning\":20")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("min");
		assertThat(api.post("/api/kpis", definition(unique("k"), "\"min\":\"low\",\"target\":30,\"warning\":20")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void thresholdsOutsideTheRangeAreRefusedSeasonalOnesByTheirOwnName() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", definition(key, """
				"min":0,"max":10,"target":8,"warning":5,"thresholdsByPeriod":[{"from":"2027-01-01",
				"direction":"HIGHER_IS_BETTER","target":12,"warning":5}]""")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("thresholdsByPeriod[0].target");
				assertThat(json).extractingPath("$.errors[0].message").asString().contains("0 to 10");
			});
		assertThat(api.get("/api/kpis/" + key)).hasStatus(HttpStatus.NOT_FOUND);
		// on the bound is inside
		assertThat(api.post("/api/kpis", definition(key, "\"min\":0,\"max\":10,\"target\":10,\"warning\":0")))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void raisedThresholdsMustStayInsideTheRangeToo() {
		var key = unique("k");
		assertThat(api.post("/api/kpis", definition(key, "\"max\":10,\"target\":8,\"warning\":5")))
			.hasStatus(HttpStatus.CREATED);
		assertThatThrownBy(() -> kpis.raiseThresholds(key, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 12, 9),
				"graduated"))
			.isInstanceOfSatisfying(dev.tandem.problem.InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(dev.tandem.problem.FieldProblem::field).containsExactly("target"));
		assertThat(api.get("/api/kpis/" + key)).bodyJson().extractingPath("$.target").asNumber().isEqualTo(8.0);
		assertThat(kpis.raiseThresholds(key, Thresholds.threshold(Direction.HIGHER_IS_BETTER, 10, 9), "graduated")
			.target()).isEqualTo(10.0);
	}

	private String definition(String key, String fields) {
		return """
				{"key":"%s","name":"KPI %s","team":"%s","owner":"%s","unit":"PERCENT","source":"API",
				 "frequency":"WEEKLY","aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD",
				 "direction":"HIGHER_IS_BETTER",%s}""".formatted(key, key, team, owner, fields);
	}
}
