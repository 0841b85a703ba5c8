package dev.tandem.okr;

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
class CycleApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Cycles cycles;

	OkrFixtures okr;

	ApiFixtures api;

	@BeforeEach
	void setUp() {
		okr = new OkrFixtures(mvc);
		api = okr.api;
	}

	@Test
	void createsQuartersYearsAndCustomPeriods() {
		assertThat(api.post("/api/cycles", "{\"quarter\":\"2091-Q4\"}")).hasStatus(HttpStatus.CREATED)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.name").isEqualTo("2091-Q4");
				assertThat(json).extractingPath("$.start").isEqualTo("2091-10-01");
				assertThat(json).extractingPath("$.end").isEqualTo("2091-12-31");
				assertThat(json).extractingPath("$.status").isEqualTo("PLANNING");
			});
		assertThat(api.post("/api/cycles", "{\"year\":2092,\"name\":\"Year of the pit stop\"}"))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.name").isEqualTo("Year of the pit stop");
				assertThat(json).extractingPath("$.start").isEqualTo("2092-01-01");
				assertThat(json).extractingPath("$.end").isEqualTo("2092-12-31");
			});
		var name = unique("sprint");
		var created = api.post("/api/cycles", """
				{"name":"%s","start":"%s","end":"%s"}""".formatted(name, OkrFixtures.today().minusDays(10),
				OkrFixtures.today().plusDays(20))).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/cycles/" + OkrFixtures.id(created));
		assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
		assertThat(created).bodyJson().extractingPath("$.ended").isEqualTo(false);

		assertThat(api.get("/api/cycles")).hasStatusOk()
			.bodyJson().extractingPath("$[*].name").asArray().contains("2091-Q4", "Year of the pit stop", name);
		assertThat(api.get("/api/cycles/" + OkrFixtures.id(created))).hasStatusOk()
			.bodyJson().extractingPath("$.name").isEqualTo(name);
	}

	@Test
	void refusesBadPeriodsWithoutSavingAnything() {
		int before = cycles.list().size();
		var name = unique("bad");
		assertThat(api.post("/api/cycles", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").asString().contains("quarter");
		assertThat(api.post("/api/cycles", "{\"quarter\":\"2091-Q1\",\"year\":2091}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("only one");
		assertThat(api.post("/api/cycles", "{\"quarter\":\"2091-Q5\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("quarter");
		assertThat(api.post("/api/cycles", "{\"year\":1999}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("year");
		assertThat(api.post("/api/cycles", "{\"year\":\"2091\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("year");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-05-01","end":"2091-04-01"}""".formatted(name)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("end");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-05-01","end":"2091-05-01"}""".formatted(name)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-01-01","end":"2094-01-01"}""".formatted(name)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("two years");
		assertThat(api.post("/api/cycles", """
				{"start":"2091-01-01","end":"2091-02-01"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-01-01"}""".formatted(name))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("end");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"1800-01-01","end":"1800-02-01"}""".formatted(name))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("start", "end");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-13-01","end":"2091-12-01"}""".formatted(name))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("start");
		assertThat(api.post("/api/cycles", """
				{"name":"%s","start":"2091-01-01","end":"2091-02-01","colour":"red"}""".formatted(name)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
		assertThat(api.post("/api/cycles", "[")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(cycles.list()).hasSize(before);
	}

	@Test
	void aDuplicateNameIsAConflict() {
		var name = unique("dup");
		var json = "{\"name\":\"%s\",\"start\":\"2093-01-01\",\"end\":\"2093-03-31\"}".formatted(name);
		assertThat(api.post("/api/cycles", json)).hasStatus(HttpStatus.CREATED);
		assertThat(api.post("/api/cycles", json)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains(name);
	}

	@Test
	void closingFreezesScoresAndCannotHappenTwiceOrBeforeTheStart() {
		var teamAndOwner = api.teamWithOwner();
		long cycle = okr.runningCycle();
		long objective = okr.objective(cycle, teamAndOwner[0], teamAndOwner[1], "");
		long kr = okr.metric(objective, teamAndOwner[1], 0, 100);
		okr.checkIn(kr, "\"value\":40,\"confidence\":6");

		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk()
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("CLOSED");
				assertThat(json).extractingPath("$.closedBy").isEqualTo("admin");
			});
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains("already closed");
		assertThat(api.get("/api/key-results/" + kr)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.score").asNumber().isEqualTo(0.4);
			assertThat(json).extractingPath("$.current").asNumber().isEqualTo(40.0);
			assertThat(json).extractingPath("$.currentSource").isEqualTo("FINAL");
			assertThat(json).extractingPath("$.status").isEqualTo("CLOSED");
			assertThat(json).extractingPath("$.frozen").isEqualTo(true);
		});
		assertThat(api.get("/api/objectives/" + objective)).bodyJson().extractingPath("$.score").asNumber().isEqualTo(0.4);

		long future = okr.cycle(OkrFixtures.today().plusDays(30), OkrFixtures.today().plusDays(60));
		assertThat(api.post("/api/cycles/" + future + "/close", "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains("not started");
		assertThat(cycles.get(future).status()).isEqualTo(CycleStatus.PLANNING);
		assertThat(api.post("/api/cycles/987654321/close", "")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/cycles/abc")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/cycles/987654321")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void overviewShowsEveryObjectiveWithScoresAndStatuses() {
		var team = api.teamWithOwner();
		var other = api.teamWithOwner();
		long cycle = okr.runningCycle();
		long company = okr.objective(cycle, team[0], team[1], ",\"level\":\"COMPANY\"");
		long ahead = okr.objective(cycle, team[0], team[1], ",\"parentId\":" + company);
		long behind = okr.objective(cycle, other[0], other[1], ",\"parentId\":" + company);
		long kr1 = okr.metric(ahead, team[1], 0, 10);
		okr.checkIn(kr1, "\"value\":9,\"confidence\":8");
		okr.metric(behind, other[1], 0, 10);

		assertThat(api.get("/api/cycles/" + cycle + "/overview")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.cycle.id").asNumber().isEqualTo((int) cycle);
			// company objectives first, then by team
			assertThat(json).extractingPath("$.objectives[0].id").asNumber().isEqualTo((int) company);
			assertThat(json).extractingPath("$.objectives[*].id").asArray()
				.containsExactlyInAnyOrder((int) company, (int) ahead, (int) behind);
			assertThat(json).extractingPath(path(ahead, "status")).asArray().containsExactly("ON_TRACK");
			assertThat(json).extractingPath(path(ahead, "score")).asArray().containsExactly(0.9);
			assertThat(json).extractingPath(path(ahead, "colour")).asArray().containsExactly("GREEN");
			assertThat(json).extractingPath(path(ahead, "keyResults[0].progress")).asArray().containsExactly(0.9);
			assertThat(json).extractingPath(path(behind, "status")).asArray().containsExactly("OFF_TRACK");
			assertThat(json).extractingPath(path(behind, "colour")).asArray().containsExactly("RED");
			assertThat(json).extractingPath(path(company, "score")).asArray().isEmpty();
			assertThat(json).extractingPath("$.statuses.OFF_TRACK").asNumber().isEqualTo(2);
			assertThat(json).extractingPath("$.statuses.ON_TRACK").asNumber().isEqualTo(1);
			assertThat(json).extractingPath("$.score").asNumber().isEqualTo(0.45);
		});
		assertThat(api.get("/api/cycles/987654321/overview")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void renamingAndMovingACycleIsLockedAndKeepsAlignmentAndCheckInsValid() {
		var name = unique("rename");
		long id = okr.cycle(OkrFixtures.today().minusDays(20), OkrFixtures.today().plusDays(70));
		var start = OkrFixtures.today().minusDays(20);
		var end = OkrFixtures.today().plusDays(70);
		var json = "{\"name\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"%s}";
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, start, end.plusDays(7), ",\"version\":0")))
			.hasStatusOk().hasHeader("ETag", "\"1\"").bodyJson().satisfies(body -> {
				assertThat(body).extractingPath("$.name").isEqualTo(name);
				assertThat(body).extractingPath("$.end").isEqualTo(end.plusDays(7).toString());
			});
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, start, end, ",\"version\":0")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
			.startsWith("The cycle '" + name + "' is at version 1, not 0;");
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, start, end, "")).header("If-Match", "\"0\""))
			.hasStatus(HttpStatus.PRECONDITION_FAILED).bodyJson().extractingPath("$.detail").asString()
			.startsWith("The cycle '" + name + "' has changed since \"0\"");
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, end, start, ""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("end");
		assertThat(api.put("/api/cycles/" + id, "{\"name\":\"\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("name", "start", "end");
		var other = unique("taken");
		assertThat(api.post("/api/cycles", "{\"name\":\"%s\",\"quarter\":\"2097-Q1\"}".formatted(other)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(api.put("/api/cycles/" + id, json.formatted(other, start, end, ""))).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.put("/api/cycles/987654321", json.formatted(name, start, end, ""))).hasStatus(HttpStatus.NOT_FOUND);

		// a quarter's objective aligned to this cycle's objective: the cycle must go on enclosing the quarter
		var team = api.teamWithOwner();
		long company = okr.objective(id, team[0], team[1], ",\"level\":\"COMPANY\"");
		long quarter = okr.cycle(OkrFixtures.today().minusDays(10), OkrFixtures.today().plusDays(20));
		okr.objective(quarter, team[0], team[1], "Answer within the hour", ",\"parentId\":" + company);
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, OkrFixtures.today().minusDays(5), end, "")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").isEqualTo("The objective 'Answer within "
					+ "the hour' aligns across cycles in a way these dates would break (a parent's cycle must enclose its "
					+ "child's); realign it first.");
		// check-ins stay within the cycle's dates
		long kr = okr.metric(company, team[1], 0, 10);
		okr.checkIn(kr, "\"value\":2,\"confidence\":5,\"at\":\"%sT12:00:00Z\"".formatted(OkrFixtures.today().minusDays(15)));
		assertThat(api.put("/api/cycles/" + quarter, json.formatted(unique("q"), OkrFixtures.today().minusDays(10),
				OkrFixtures.today().plusDays(15), ""))).hasStatusOk();
		assertThat(api.put("/api/cycles/" + id, json.formatted(name, OkrFixtures.today().minusDays(12), end, "")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString().contains("check-ins");
		assertThat(cycles.get(id).start()).isEqualTo(start);

		assertThat(api.post("/api/cycles/" + quarter + "/close", "")).hasStatusOk();
		assertThat(api.put("/api/cycles/" + quarter, json.formatted(unique("late"), OkrFixtures.today().minusDays(10),
				OkrFixtures.today().plusDays(15), ""))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains("closed");
	}

	private static String path(long objective, String field) {
		return "$.objectives[?(@.id==" + objective + ")]." + field;
	}
}
