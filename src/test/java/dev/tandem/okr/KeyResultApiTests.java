package dev.tandem.okr;

import static dev.tandem.TestUsers.admin;
import static dev.tandem.okr.OkrFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Mode;

@TandemTest
@RecordApplicationEvents
class KeyResultApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Objectives objectives;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ApplicationEvents events;

	OkrFixtures okr;

	ApiFixtures api;

	String team;

	String owner;

	long cycle;

	long objective;

	@BeforeEach
	void setUp() {
		okr = new OkrFixtures(mvc);
		api = okr.api;
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
		cycle = okr.runningCycle();
		objective = okr.objective(cycle, team, owner, "");
	}

	@Test
	void eachTypeTakesWhatItNeedsAndNothingElse() {
		var uri = "/api/objectives/" + objective + "/key-results";
		assertThat(api.post(uri, metric("\"baseline\":1"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("target");
		assertThat(api.post(uri, metric("\"target\":1"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("baseline");
		assertThat(api.post(uri, metric("\"baseline\":5,\"target\":5"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("differ");
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2,\"weight\":-1"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("weight");
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2,\"weight\":101"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":1e400"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("target");
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2,\"kpi\":\"nope-none\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("kpi");
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2,\"kpi\":\"Not A Key\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("kpi");
		assertThat(api.post(uri, metric("\"baseline\":\"1\",\"target\":2"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("baseline");
		assertThat(api.post(uri, """
				{"title":"Ship it","type":"MILESTONE","owner":"%s","baseline":0,"target":1,"unit":"x"}""".formatted(owner)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("baseline", "target", "unit");
		assertThat(api.post(uri, "{\"title\":\"x\",\"type\":\"OKR\",\"owner\":\"%s\"}".formatted(owner)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post(uri, "{\"title\":\"\",\"owner\":\"nobody-here\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("title", "type");
		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2").replace(owner, "nobody-here")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("owner");
		assertThat(api.post("/api/objectives/987654321/key-results", metric("\"baseline\":1,\"target\":2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(objectives.get(objective).keyResults()).isEmpty();

		assertThat(api.post(uri, metric("\"baseline\":1,\"target\":2,\"weight\":0,\"unit\":\"EUR\"")))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.weight").asNumber().isEqualTo(0.0);
				assertThat(json).extractingPath("$.unit").isEqualTo("EUR");
				assertThat(json).extractingPath("$.direction").isEqualTo("INCREASE");
				assertThat(json).extractingPath("$.current").asNumber().isEqualTo(1.0);
				assertThat(json).extractingPath("$.currentSource").isEqualTo("BASELINE");
			});
		assertThat(api.post(uri, "{\"title\":\"Ship it\",\"type\":\"MILESTONE\",\"owner\":\"%s\"}".formatted(owner)))
			.hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.done").isEqualTo(false);
	}

	@Test
	void decreasingMetricsOvershootAndScore() {
		long kr = okr.metric(objective, owner, 8, 7);
		okr.checkIn(kr, "\"value\":7.5,\"confidence\":6,\"changed\":\"new jack\"");
		assertThat(api.get("/api/key-results/" + kr)).hasStatusOk().hasHeader("ETag", "\"0\"").bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.direction").isEqualTo("DECREASE");
			assertThat(json).extractingPath("$.current").asNumber().isEqualTo(7.5);
			assertThat(json).extractingPath("$.currentSource").isEqualTo("CHECK_IN");
			assertThat(json).extractingPath("$.progress").asNumber().isEqualTo(0.5);
			assertThat(json).extractingPath("$.score").asNumber().isEqualTo(0.5);
			assertThat(json).extractingPath("$.colour").isEqualTo("YELLOW");
			assertThat(json).extractingPath("$.status").isEqualTo("ON_TRACK");
			assertThat(json).extractingPath("$.confidence").asNumber().isEqualTo(6);
		});
		okr.checkIn(kr, "\"value\":6.5,\"confidence\":10");
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.progress").asNumber().isEqualTo(1.5);
			assertThat(json).extractingPath("$.score").asNumber().isEqualTo(1.0);
			assertThat(json).extractingPath("$.checkIns").asNumber().isEqualTo(2);
		});
		long milestone = okr.keyResult(objective, "\"title\":\"Jack\",\"type\":\"MILESTONE\",\"owner\":\"%s\",\"weight\":3"
			.formatted(owner));
		okr.checkIn(milestone, "\"done\":false,\"confidence\":3");
		assertThat(api.get("/api/key-results/" + milestone)).bodyJson().extractingPath("$.status").isEqualTo("OFF_TRACK");
		// weighted: (1 × 1.0 + 3 × 0.0) / 4
		assertThat(api.get("/api/objectives/" + objective)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.score").asNumber().isEqualTo(0.25);
			assertThat(json).extractingPath("$.confidence").asNumber().isEqualTo(3);
		});
		okr.checkIn(milestone, "\"done\":true,\"confidence\":10");
		assertThat(api.get("/api/objectives/" + objective)).bodyJson().extractingPath("$.score").asNumber().isEqualTo(1.0);
		assertThat(events.stream(CheckInRecorded.class).filter(e -> e.keyResultId() == milestone))
			.extracting(CheckInRecorded::reachedTarget).containsExactly(false, true);
	}

	@Test
	void aKpiLinkedKeyResultFollowsItsKpiAndMarksItImproving() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		measure(kpi, today(), 50);
		long kr = okr.keyResult(objective, "\"title\":\"Uptime to 99\",\"type\":\"METRIC\",\"owner\":\"%s\",\"target\":99,\"kpi\":\"%s\""
			.formatted(owner, kpi));
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.baseline").asNumber().isEqualTo(50.0);
			assertThat(json).extractingPath("$.unit").isEqualTo("percent");
			assertThat(json).extractingPath("$.currentSource").isEqualTo("KPI");
		});
		var health = kpis.health(kpi);
		assertThat(health.mode()).isEqualTo(Mode.IMPROVING);
		assertThat(health.improvingObjectiveId()).isEqualTo(objective);
		assertThat(api.get("/api/kpis/" + kpi + "/health")).bodyJson().extractingPath("$.improvingObjectiveId").asNumber()
			.isEqualTo((int) objective);

		measure(kpi, today(), 74.5);
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.current").asNumber().isEqualTo(74.5);
			assertThat(json).extractingPath("$.progress").asNumber().isEqualTo(0.5);
		});
		assertThat(api.get("/api/key-results/" + kr + "/check-in-draft")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.value").asNumber().isEqualTo(74.5);
			assertThat(json).extractingPath("$.valueSource").isEqualTo("KPI");
			assertThat(json).extractingPath("$.kpi").isEqualTo(kpi);
		});
		// a check-in without a value takes the KPI's
		assertThat(api.post("/api/key-results/" + kr + "/check-ins", "{\"confidence\":7,\"learned\":\"restarts help\"}"))
			.hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.value").asNumber().isEqualTo(74.5);
				assertThat(json).extractingPath("$.valueSource").isEqualTo("KPI");
				assertThat(json).extractingPath("$.baseline").asNumber().isEqualTo(50.0);
			});
		assertThat(events.stream(CheckInRecorded.class)).anyMatch(e -> e.keyResultId() == kr && kpi.equals(e.kpi()));

		// unlinking ends the improvement; the history says so
		assertThat(api.put("/api/key-results/" + kr, """
				{"title":"Uptime to 99","type":"METRIC","owner":"%s","baseline":50,"target":99}""".formatted(owner)))
			.hasStatusOk().bodyJson().extractingPath("$.currentSource").isEqualTo("CHECK_IN");
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);
		assertThat(events.stream(KeyResultUnlinked.class)).anyMatch(e -> e.keyResultId() == kr && e.kpi().equals(kpi));
		assertThat(api.get("/api/key-results/" + kr + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='kpi')].from").asArray().containsExactly(kpi);

		// linked again, then deleted
		assertThat(api.put("/api/key-results/" + kr, """
				{"title":"Uptime to 99","type":"METRIC","owner":"%s","target":99,"kpi":"%s"}""".formatted(owner, kpi)))
			.hasStatusOk();
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.IMPROVING);
		assertThat(mvc.delete().uri("/api/key-results/" + kr).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);
		assertThat(api.get("/api/objectives/" + objective + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='removedKeyResult')].from").asArray().containsExactly("Uptime to 99");
		assertThat(mvc.delete().uri("/api/key-results/" + kr).with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aLinkedKeyResultForecastsTheCycleEnd() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		for (int week = 8; week >= 0; week--) {
			measure(kpi, today().minusWeeks(week), 60 + (8 - week) * 2.0 + (week % 2 == 0 ? 0.3 : -0.3));
		}
		long kr = okr.keyResult(objective, "\"title\":\"Uptime\",\"type\":\"METRIC\",\"owner\":\"%s\",\"baseline\":60,\"target\":99,\"kpi\":\"%s\""
			.formatted(owner, kpi));
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.forecast.periods").asNumber().isEqualTo(9);
			assertThat(json).extractingPath("$.forecast.at").isEqualTo(today().plusDays(45).toString());
			assertThat(json).extractingPath("$.forecast.trendPerWeek").asNumber().satisfies(
					n -> assertThat(n.doubleValue()).isBetween(1.8, 2.2));
			assertThat(json).extractingPath("$.forecast.projected").asNumber().satisfies(
					n -> assertThat(n.doubleValue()).isBetween(88.0, 91.0));
			assertThat(json).extractingPath("$.forecast.outlook").isEqualTo("UNLIKELY");
		});
		// the cycle overview stays cheap: no forecasts there
		assertThat(api.get("/api/cycles/" + cycle + "/overview")).bodyJson()
			.doesNotHavePath("$.objectives[0].keyResults[0].forecast");
	}

	@Test
	void aForecastStaysInsideTheKpisOwnRangeElseItsUnits() {
		// a growth rate in percent falling 2 points a week from 10 %: below 0 is a value it can take
		var kpi = dev.tandem.TestUsers.unique("growth");
		var definition = """
				{"key":"%s","name":"Growth","team":"%s","owner":"%s","unit":"PERCENT","source":"API","frequency":"WEEKLY",
				 "aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD","direction":"HIGHER_IS_BETTER",
				 "target":5,"warning":0%s}""";
		assertThat(api.post("/api/kpis", definition.formatted(kpi, team, owner, ",\"min\":-100"))).hasStatus(HttpStatus.CREATED);
		for (int week = 8; week >= 0; week--) {
			measure(kpi, today().minusWeeks(week), 10 - (8 - week) * 2.0 + (week % 2 == 0 ? 0.3 : -0.3));
		}
		long kr = okr.keyResult(objective, "\"title\":\"Growth\",\"type\":\"METRIC\",\"owner\":\"%s\",\"baseline\":10,\"target\":15,\"kpi\":\"%s\""
			.formatted(owner, kpi));
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.forecast.projected").asNumber().satisfies(
					n -> assertThat(n.doubleValue()).isBetween(-21.0, -17.0));
			assertThat(json).extractingPath("$.forecast.lower").asNumber().satisfies(
					n -> assertThat(n.doubleValue()).isLessThan(-17.0));
		});
		// without its own range a percent stops at 0
		assertThat(api.put("/api/kpis/" + kpi, definition.formatted(kpi, team, owner, ""))).hasStatusOk();
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.forecast.projected").asNumber().isEqualTo(0.0);
			assertThat(json).extractingPath("$.forecast.lower").asNumber().isEqualTo(0.0);
			assertThat(json).extractingPath("$.forecast.outlook").isEqualTo("UNLIKELY");
		});
	}

	@Test
	void checkInsAreValidatedAndNothingBadIsSaved() {
		long kr = okr.metric(objective, owner, 0, 100);
		long milestone = okr.keyResult(objective, "\"title\":\"Ship\",\"type\":\"MILESTONE\",\"owner\":\"%s\"".formatted(owner));
		var uri = "/api/key-results/" + kr + "/check-ins";
		assertThat(api.post(uri, "{\"value\":5}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("confidence");
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":11}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":-1}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":7.5}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("confidence");
		assertThat(api.post(uri, "{\"confidence\":7}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("value");
		assertThat(api.post(uri, "{\"value\":5,\"done\":true,\"confidence\":7}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("done");
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":7,\"at\":\"%sT00:00:00Z\"}".formatted(today().plusDays(2))))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString().contains("future");
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":7,\"at\":\"%sT00:00:00Z\"}".formatted(today().minusDays(60))))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("at");
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":7,\"blockers\":\"%s\"}".formatted("x".repeat(2001))))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("blockers");
		assertThat(api.post(uri, "{\"value\":5,\"confidence\":7,\"mood\":\"good\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/key-results/" + milestone + "/check-ins", "{\"value\":1,\"confidence\":7}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("value");
		assertThat(api.post("/api/key-results/" + milestone + "/check-ins", "{\"confidence\":7}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("done");
		assertThat(api.post("/api/key-results/987654321/check-ins", "{\"value\":1,\"confidence\":7}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(checkIns.list(kr, 100, 0)).isEmpty();
		assertThat(checkIns.list(milestone, 100, 0)).isEmpty();
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().extractingPath("$.checkIns").asNumber().isEqualTo(0);
	}

	@Test
	void checkInsKeepASnapshotAndABackDatedOneDoesNotPassForTheLatest() {
		long kr = okr.metric(objective, owner, 0, 100);
		okr.checkIn(kr, "\"value\":30,\"confidence\":6,\"changed\":\"c\",\"learned\":\"l\",\"blockers\":\"b\",\"decision\":\"d\"");
		assertThat(api.put("/api/key-results/" + kr, """
				{"title":"Move it","type":"METRIC","owner":"%s","baseline":0,"target":60,"version":0}""".formatted(owner)))
			.hasStatusOk().bodyJson().extractingPath("$.version").asNumber().isEqualTo(1);
		okr.checkIn(kr, "\"value\":20,\"confidence\":4,\"at\":\"%sT00:00:00Z\"".formatted(today().minusDays(10)));

		assertThat(api.get("/api/key-results/" + kr + "/check-ins")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[*].value").asArray().containsExactly(30.0, 20.0);
			assertThat(json).extractingPath("$[0].target").asNumber().isEqualTo(100.0);
			assertThat(json).extractingPath("$[0].progress").asNumber().isEqualTo(0.3);
			assertThat(json).extractingPath("$[1].target").asNumber().isEqualTo(60.0);
			assertThat(json).extractingPath("$[0].decision").isEqualTo("d");
			assertThat(json).extractingPath("$[0].recordedBy").isEqualTo("admin");
		});
		assertThat(api.get("/api/key-results/" + kr + "/check-ins?limit=1&offset=1")).bodyJson()
			.extractingPath("$[*].value").asArray().containsExactly(20.0);
		assertThat(api.get("/api/key-results/" + kr)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.current").asNumber().isEqualTo(30.0);
			assertThat(json).extractingPath("$.progress").asNumber().isEqualTo(0.5);
			assertThat(json).extractingPath("$.confidence").asNumber().isEqualTo(6);
			assertThat(json).extractingPath("$.checkIns").asNumber().isEqualTo(2);
		});
		assertThat(api.get("/api/key-results/" + kr + "/check-in-draft")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.value").asNumber().isEqualTo(30.0);
			assertThat(json).extractingPath("$.valueSource").isEqualTo("CHECK_IN");
			assertThat(json).extractingPath("$.confidence").asNumber().isEqualTo(6);
		});
		assertThat(api.get("/api/key-results/987654321/check-ins")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/key-results/987654321/check-in-draft")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void editsAreLockedAndKeptInTheHistory() {
		long kr = okr.metric(objective, owner, 0, 100);
		var other = api.teamWithOwner();
		var edited = """
				{"title":"Move it more","type":"METRIC","owner":"%s","baseline":10,"target":120,"weight":2}""".formatted(other[1]);
		assertThat(api.put("/api/key-results/" + kr, edited).header("If-Match", "\"5\"")).hasStatus(HttpStatus.PRECONDITION_FAILED)
			.bodyJson().extractingPath("$.detail").asString().startsWith("The key result 'Move it' has changed since \"5\"");
		assertThat(api.put("/api/key-results/" + kr, edited).header("If-Match", "\"0\"")).hasStatusOk().hasHeader("ETag", "\"1\"");
		assertThat(api.put("/api/key-results/" + kr, edited.replace("}", ",\"version\":0}"))).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().startsWith("The key result 'Move it more' is at version 1, not 0;");
		assertThat(api.put("/api/key-results/" + kr, edited.replace("METRIC", "MILESTONE"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
		assertThat(api.put("/api/key-results/" + kr, edited.replace("120", "10"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.put("/api/key-results/987654321", edited)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/key-results/" + kr + "/history")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[?(@.field=='target')].from").asArray().containsExactly("100");
			assertThat(json).extractingPath("$[?(@.field=='target')].to").asArray().containsExactly("120");
			assertThat(json).extractingPath("$[?(@.field=='baseline')].to").asArray().containsExactly("10");
			assertThat(json).extractingPath("$[?(@.field=='weight')].to").asArray().containsExactly("2");
			assertThat(json).extractingPath("$[?(@.field=='owner')].to").asArray().containsExactly(other[1]);
			assertThat(json).extractingPath("$[?(@.field=='owner')].by").asArray().containsExactly("admin");
		});
		assertThat(api.get("/api/objectives/" + objective + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='target')].keyResultId").asArray().containsExactly((int) kr);
		assertThat(api.get("/api/key-results/987654321/history")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theConfidenceRubricSaysWhatEachLevelMeans() {
		assertThat(api.get("/api/okr/confidence-rubric")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[*].level").asArray().containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
			assertThat(json).extractingPath("$[3].label").isEqualTo("Unlikely");
			assertThat(json).extractingPath("$[5].label").isEqualTo("Coin toss");
			assertThat(json).extractingPath("$[7].label").isEqualTo("Likely");
			assertThat(json).extractingPath("$[9].label").isEqualTo("Almost certain");
		});
	}

	@Test
	void aKpiWithoutDataIsNamedByKeyAndName() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		var uri = "/api/objectives/" + objective + "/key-results";
		assertThat(api.post(uri, metric("\"target\":99,\"kpi\":\"%s\"".formatted(kpi)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("is required: the KPI '" + kpi + "' (Uptime) has no value yet to start from");
		long kr = okr.keyResult(objective, """
				"title":"Uptime to 99","type":"METRIC","owner":"%s","baseline":50,"target":99,"kpi":"%s\"""".formatted(owner, kpi));
		assertThat(api.post("/api/key-results/" + kr + "/check-ins", "{\"confidence\":7}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("is required: the KPI '" + kpi + "' (Uptime) has no value to take");
	}

	private String metric(String fields) {
		return "{\"title\":\"Move it\",\"type\":\"METRIC\",\"owner\":\"%s\",%s}".formatted(owner, fields);
	}

	private void measure(String kpi, java.time.LocalDate day, double value) {
		assertThat(api.post("/api/kpis/" + kpi + "/measurements", "{\"at\":\"%sT06:00:00Z\",\"value\":%s}".formatted(day, value)))
			.hasStatus(HttpStatus.CREATED);
	}
}
