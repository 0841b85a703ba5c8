package dev.tandem.okr;

import static dev.tandem.okr.OkrFixtures.today;
import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Mode;

@TandemTest
@RecordApplicationEvents
class ObjectiveApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Objectives objectives;

	@Autowired
	Kpis kpis;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OkrFixtures okr;

	ApiFixtures api;

	String team;

	String owner;

	long cycle;

	@BeforeEach
	void setUp() {
		okr = new OkrFixtures(mvc);
		api = okr.api;
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
		cycle = okr.runningCycle();
	}

	@Test
	void createsReadsAndListsObjectives() {
		var created = api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"  Customers get answers fast ","description":"Why: churn",
				 "level":"TEAM","commitment":"ASPIRATIONAL"}""".formatted(cycle, team, owner)).exchange();
		long id = OkrFixtures.id(created);
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/objectives/" + id)
			.hasHeader("ETag", "\"0\"");
		assertThat(created).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.title").isEqualTo("Customers get answers fast");
			assertThat(json).extractingPath("$.state").isEqualTo("ACTIVE");
			assertThat(json).extractingPath("$.team").isEqualTo(team);
			assertThat(json).extractingPath("$.owner").isEqualTo(owner);
			assertThat(json).extractingPath("$.commitment").isEqualTo("ASPIRATIONAL");
			assertThat(json).extractingPath("$.status").isEqualTo("OFF_TRACK");
			assertThat(json).extractingPath("$.keyResults").asArray().isEmpty();
		});
		assertThat(events.stream(ObjectiveActivated.class)).anyMatch(e -> e.objectiveId() == id && e.cycleId() == cycle);

		long other = okr.objective(okr.runningCycle(), team, owner, "");
		assertThat(api.get("/api/objectives/" + id)).hasStatusOk().hasHeader("ETag", "\"0\"")
			.bodyJson().extractingPath("$.description").isEqualTo("Why: churn");
		assertThat(api.get("/api/objectives?cycle=" + cycle + "&team=" + team)).hasStatusOk()
			.bodyJson().extractingPath("$[*].id").asArray().containsExactly((int) id);
		assertThat(api.get("/api/objectives?team=" + team)).bodyJson().extractingPath("$[*].id").asArray()
			.containsExactly((int) id, (int) other);
		assertThat(api.get("/api/objectives?team=" + team + "&limit=1&offset=1")).bodyJson().extractingPath("$[*].id")
			.asArray().containsExactly((int) other);
		assertThat(api.get("/api/objectives?team=nope-none")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("team");
		assertThat(api.get("/api/objectives?cycle=987654321")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/objectives?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/objectives/987654321")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void badInputSaysWhatToFixAndSavesNothing() {
		assertThat(api.post("/api/objectives", "{\"cycle\":%d}".formatted(cycle))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("team", "owner", "title", "level", "commitment");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(987654321, team, owner, "")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cycle");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, "nope-none", "nobody-here", "")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("team", "owner");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"level\":\"GALAXY\"")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("COMPANY");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"state\":\"DONE\"")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"contributesTo\":[\"x\"]")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"colour\":\"red\"")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, "")
			.replace("Customers love us", "x".repeat(201)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("title");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"cycle\":\"%d\"".formatted(cycle))))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(objectives.list(null, team, 100, 0)).isEmpty();
	}

	@Test
	void alignmentFollowsLineOfSightWithinEnclosingCycles() {
		var otherTeam = api.teamWithOwner();
		long year = okr.cycle(today().minusDays(100), today().plusDays(200));
		long company = okr.objective(year, team, owner, ",\"level\":\"COMPANY\"");
		long teamLevel = okr.objective(cycle, team, owner, ",\"parentId\":" + company);
		long partner = okr.objective(cycle, otherTeam[0], otherTeam[1], "");
		long individual = okr.objective(cycle, team, owner,
				",\"level\":\"INDIVIDUAL\",\"parentId\":%d,\"contributesTo\":[%d]".formatted(teamLevel, partner));
		assertThat(api.get("/api/objectives/" + individual)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.parentId").asNumber().isEqualTo((int) teamLevel);
			assertThat(json).extractingPath("$.contributesTo").asArray().containsExactly((int) partner);
		});

		// a team objective cannot align to an individual one, nor to one in a cycle that does not enclose its own
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"parentId\":" + individual)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("INDIVIDUAL");
		long later = okr.cycle(today().plusDays(300), today().plusDays(390));
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(year, team, owner, ",\"parentId\":" + teamLevel)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("encloses");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(later, team, owner, ",\"parentId\":" + company)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentId");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"parentId\":987654321")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("no objective");
		// contributions go to other teams, once each, and not to the parent
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner,
				",\"contributesTo\":[%d]".formatted(teamLevel)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("contributesTo[0]");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, otherTeam[0], otherTeam[1],
				",\"parentId\":%d,\"contributesTo\":[%d,%d]".formatted(teamLevel, teamLevel, teamLevel))))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("contributesTo[0]", "contributesTo[1]");

		// no loops: the partner cannot contribute back to the objective that contributes to it
		var partnerJson = OkrFixtures.objectiveJson(cycle, otherTeam[0], otherTeam[1], ",\"contributesTo\":[" + individual + "]")
			.replace("\"TEAM\"", "\"INDIVIDUAL\"");
		assertThat(api.put("/api/objectives/" + partner, partnerJson)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("loop");
		assertThat(api.put("/api/objectives/" + teamLevel, OkrFixtures.objectiveJson(cycle, team, owner,
				",\"parentId\":" + teamLevel))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message").asString().contains("itself");
		// nor may a parent drop below a child that aligns to it
		assertThat(api.put("/api/objectives/" + company, OkrFixtures.objectiveJson(year, team, owner,
				",\"level\":\"INDIVIDUAL\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("level");
		assertThat(api.get("/api/objectives/" + partner)).bodyJson().extractingPath("$.contributesTo").asArray().isEmpty();
	}

	@Test
	void aDeactivatedOwnerIsNamedByUsernameAndName() {
		var gone = api.teamWithOwner()[1];
		jdbc.sql("update person set active = false where username = ?").param(gone).update();
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, gone, "")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("'" + gone + "' (Owner) is deactivated and cannot own anything");
	}

	@Test
	void alignmentRefusalsNameTheObjectivesByTitle() {
		var otherTeam = api.teamWithOwner();
		long year = okr.cycle(today().minusDays(100), today().plusDays(200));
		long company = okr.objective(year, team, owner, "Win the market", ",\"level\":\"COMPANY\"");
		long teamLevel = okr.objective(cycle, team, owner, "Ship faster", ",\"parentId\":" + company);
		long partner = okr.objective(cycle, otherTeam[0], otherTeam[1], "Partners thrive", "");
		long individual = okr.objective(cycle, team, owner, "Answer within the hour",
				",\"level\":\"INDIVIDUAL\",\"parentId\":%d,\"contributesTo\":[%d]".formatted(teamLevel, partner));

		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner,
				",\"level\":\"INDIVIDUAL\",\"parentId\":%d,\"contributesTo\":[%d,%d,%d]".formatted(teamLevel, partner, partner,
						teamLevel)))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
							assertThat(json).extractingPath("$.errors[*].field").asArray()
								.containsExactly("contributesTo[1]", "contributesTo[2]");
							assertThat(json).extractingPath("$.errors[*].message").asArray().containsExactly(
									"objective 'Partners thrive' is named twice", "objective 'Ship faster' is already the parent");
						});
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner,
				",\"contributesTo\":[%d]".formatted(teamLevel)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("objective 'Ship faster' belongs to the same team; align to it with parentId");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"parentId\":" + individual)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").isEqualTo(
					"objective 'Answer within the hour' is a INDIVIDUAL objective; a TEAM objective aligns to its own level or above");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(year, team, owner, ",\"parentId\":" + teamLevel)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString()
			.startsWith("objective 'Ship faster' is in cycle 'cycle").endsWith("which neither is nor encloses this objective's cycle");
		var partnerJson = OkrFixtures.objectiveJson(cycle, otherTeam[0], otherTeam[1], "Partners thrive",
				",\"contributesTo\":[" + individual + "]").replace("\"TEAM\"", "\"INDIVIDUAL\"");
		assertThat(api.put("/api/objectives/" + partner, partnerJson)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("would make a loop: this objective would end up aligned to itself");
		assertThat(api.put("/api/objectives/" + company, OkrFixtures.objectiveJson(year, team, owner, "Win the market",
				",\"level\":\"INDIVIDUAL\""))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("objective 'Ship faster' aligns to this one from a higher level; realign it first");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, ",\"parentId\":987654321")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("no objective 987654321 exists");
		assertThat(mvc.delete().uri("/api/objectives/" + teamLevel).with(admin())).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").isEqualTo("The objective 'Answer within the hour' aligns to, contributes to "
					+ "or was carried over from 'Ship faster'; change it first.");
		assertThat(mvc.delete().uri("/api/objectives/" + partner).with(admin())).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void editsUseOptimisticLockingAndKeepAHistory() {
		var other = api.teamWithOwner();
		long id = okr.objective(cycle, team, owner, "");
		var renamed = OkrFixtures.objectiveJson(cycle, team, other[1], "").replace("Customers love us", "Customers adore us");
		assertThat(api.put("/api/objectives/" + id, renamed.replace("}", ",\"version\":0}"))).hasStatusOk()
			.hasHeader("ETag", "\"1\"")
			.bodyJson().extractingPath("$.title").isEqualTo("Customers adore us");
		assertThat(api.put("/api/objectives/" + id, renamed.replace("}", ",\"version\":0}")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
			.startsWith("The objective 'Customers adore us' is at version 1, not 0;");
		assertThat(api.put("/api/objectives/" + id, renamed).header("If-Match", "\"0\"")).hasStatus(HttpStatus.PRECONDITION_FAILED)
			.bodyJson().extractingPath("$.detail").asString()
			.startsWith("The objective 'Customers adore us' has changed since \"0\" (it is now \"1\")");
		assertThat(api.put("/api/objectives/" + id, renamed.replace("COMMITTED", "ASPIRATIONAL")).header("If-Match", "\"1\""))
			.hasStatusOk().hasHeader("ETag", "\"2\"");
		assertThat(api.put("/api/objectives/" + id, OkrFixtures.objectiveJson(okr.runningCycle(), team, owner, "")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cycle");
		assertThat(api.put("/api/objectives/" + id, OkrFixtures.objectiveJson(cycle, team, owner, ",\"state\":\"DRAFT\"")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("state");
		assertThat(api.put("/api/objectives/987654321", renamed)).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(api.get("/api/objectives/" + id + "/history")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[?(@.field=='title')].from").asArray().containsExactly("Customers love us");
			assertThat(json).extractingPath("$[?(@.field=='title')].to").asArray().containsExactly("Customers adore us");
			assertThat(json).extractingPath("$[?(@.field=='owner')].to").asArray().containsExactly(other[1]);
			assertThat(json).extractingPath("$[?(@.field=='owner')].by").asArray().containsExactly("admin");
			assertThat(json).extractingPath("$[?(@.field=='commitment')].to").asArray().containsExactly("ASPIRATIONAL");
		});
		assertThat(api.get("/api/objectives/" + id)).bodyJson().extractingPath("$.version").asNumber().isEqualTo(2);
	}

	@Test
	void aDraftImprovesNothingUntilActivated() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		long draft = okr.objective(cycle, team, owner, ",\"state\":\"DRAFT\"");
		long kr = okr.keyResult(draft, """
				"title":"Uptime to 99","type":"METRIC","owner":"%s","baseline":50,"target":99,"kpi":"%s\"""".formatted(owner, kpi));
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);
		assertThat(events.stream(ObjectiveActivated.class)).noneMatch(e -> e.objectiveId() == draft);
		assertThat(events.stream(KeyResultLinked.class)).anyMatch(e -> e.keyResultId() == kr && e.kpi().equals(kpi));
		assertThat(api.post("/api/key-results/" + kr + "/check-ins", "{\"value\":60,\"confidence\":5}"))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
			.isEqualTo("The objective 'Customers love us' is still a draft; activate it before checking in.");

		assertThat(api.post("/api/objectives/" + draft + "/activate", "")).hasStatusOk()
			.bodyJson().extractingPath("$.state").isEqualTo("ACTIVE");
		assertThat(api.post("/api/objectives/" + draft + "/activate", "")).hasStatusOk();
		assertThat(events.stream(ObjectiveActivated.class).filter(e -> e.objectiveId() == draft)).hasSize(1);
		var health = kpis.health(kpi);
		assertThat(health.mode()).isEqualTo(Mode.IMPROVING);
		assertThat(health.improvingObjectiveId()).isEqualTo(draft);
		assertThat(api.get("/api/objectives/" + draft + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='state')].to").asArray().containsExactly("ACTIVE");
	}

	@Test
	void guardrailsAreKpisShownWithTheirHealth() {
		var kpi = api.thresholdKpi("DAILY", "LAST");
		assertThat(api.post("/api/kpis/" + kpi + "/measurements", "{\"at\":\"%sT06:00:00Z\",\"value\":50}".formatted(today())))
			.hasStatus(HttpStatus.CREATED);
		long id = okr.objective(cycle, team, owner, "");
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[\"%s\",\"nope-none\"]".formatted(kpi)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1]");
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[\"%s\",\"%s\"]".formatted(kpi, kpi)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString().contains("twice");
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[\"Not A Key\"]")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("[0]");
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/objectives/" + id)).bodyJson().extractingPath("$.guardrails").asArray().isEmpty();

		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[\"%s\"]".formatted(kpi))).hasStatusOk()
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$[0].kpi").isEqualTo(kpi);
				assertThat(json).extractingPath("$[0].status").isEqualTo("RED");
				assertThat(json).extractingPath("$[0].alert").isEqualTo(true);
			});
		assertThat(api.get("/api/objectives/" + id)).bodyJson().extractingPath("$.guardrails[0].value").asNumber()
			.isEqualTo(50.0);
		assertThat(api.get("/api/objectives/" + id + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='guardrails')].to").asArray().containsExactly(kpi);
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[]")).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
	}

	@Test
	void deletingIsRefusedWhileOthersAlignAndEndsKpiLinks() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		long parent = okr.objective(cycle, team, owner, "");
		long child = okr.objective(cycle, team, owner, "Answer within the hour", ",\"level\":\"INDIVIDUAL\",\"parentId\":" + parent);
		long kr = okr.keyResult(child, """
				"title":"Uptime","type":"METRIC","owner":"%s","baseline":50,"target":99,"kpi":"%s\"""".formatted(owner, kpi));
		assertThat(kpis.health(kpi).improvingObjectiveId()).isEqualTo(child);
		assertThat(mvc.delete().uri("/api/objectives/" + parent).with(admin())).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").isEqualTo("The objective 'Answer within the hour' aligns to, contributes "
					+ "to or was carried over from 'Customers love us'; change it first.");
		assertThat(mvc.delete().uri("/api/objectives/" + child).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);
		assertThat(events.stream(KeyResultUnlinked.class)).anyMatch(e -> e.keyResultId() == kr);
		assertThat(api.get("/api/key-results/" + kr)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/objectives/" + parent).with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.delete().uri("/api/objectives/" + parent).with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aClosedCycleIsFrozenButTakesRetrospectives() {
		long id = okr.objective(cycle, team, owner, "");
		long kr = okr.metric(id, owner, 0, 10);
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(events.stream(CycleClosed.class)).anyMatch(e -> e.cycleId() == cycle);

		assertThat(api.put("/api/objectives/" + id, OkrFixtures.objectiveJson(cycle, team, owner, "")))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString().contains("closed");
		assertThat(api.post("/api/objectives", OkrFixtures.objectiveJson(cycle, team, owner, "")))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("/api/objectives/" + id + "/key-results", """
				{"title":"Late","type":"MILESTONE","owner":"%s"}""".formatted(owner))).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[]")).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.delete().uri("/api/objectives/" + id).with(admin())).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("/api/key-results/" + kr + "/check-ins", "{\"value\":5,\"confidence\":5}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").asString().contains("closed").contains("no more check-ins");

		assertThat(api.put("/api/objectives/" + id + "/retrospective", "{\"note\":\"We set it too late.\"}")).hasStatusOk()
			.bodyJson().extractingPath("$.retrospective").isEqualTo("We set it too late.");
		assertThat(api.put("/api/objectives/" + id + "/retrospective", "{\"note\":\"" + "x".repeat(4001) + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
		assertThat(api.put("/api/objectives/" + id + "/retrospective", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/objectives/" + id)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("CLOSED");
			assertThat(json).extractingPath("$.frozen").isEqualTo(true);
			assertThat(json).extractingPath("$.retrospective").isEqualTo("We set it too late.");
		});
	}

	@Test
	void carryOverTakesTheOpenKeyResultsWithTheirLastValues() {
		var kpi = api.thresholdKpi("WEEKLY", "LAST");
		assertThat(api.post("/api/kpis/" + kpi + "/measurements", "{\"at\":\"%sT06:00:00Z\",\"value\":70}".formatted(today())))
			.hasStatus(HttpStatus.CREATED);
		long id = okr.objective(cycle, team, owner, "");
		long half = okr.metric(id, owner, 8, 7);
		okr.checkIn(half, "\"value\":7.5,\"confidence\":4");
		long reached = okr.metric(id, owner, 0, 10);
		okr.checkIn(reached, "\"value\":12,\"confidence\":10");
		long open = okr.keyResult(id, "\"title\":\"Playbook written\",\"type\":\"MILESTONE\",\"owner\":\"%s\"".formatted(owner));
		long done = okr.keyResult(id, "\"title\":\"Tool bought\",\"type\":\"MILESTONE\",\"owner\":\"%s\"".formatted(owner));
		okr.checkIn(done, "\"done\":true,\"confidence\":10");
		long linked = okr.keyResult(id, """
				"title":"Uptime","type":"METRIC","owner":"%s","baseline":50,"target":99,"kpi":"%s\"""".formatted(owner, kpi));
		assertThat(api.put("/api/objectives/" + id + "/guardrails", "[\"%s\"]".formatted(kpi))).hasStatusOk();
		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);

		long next = okr.cycle(today().plusDays(46), today().plusDays(136));
		var carried = api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":" + next + "}").exchange();
		assertThat(carried).hasStatus(HttpStatus.CREATED);
		long copy = OkrFixtures.id(carried);
		assertThat(carried).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.cycle").asNumber().isEqualTo((int) next);
			assertThat(json).extractingPath("$.carriedFrom").asNumber().isEqualTo((int) id);
			assertThat(json).extractingPath("$.status").isEqualTo("NOT_STARTED");
			assertThat(json).extractingPath("$.keyResults[*].title").asArray()
				.containsExactly("Move it", "Playbook written", "Uptime");
			assertThat(json).extractingPath("$.keyResults[0].baseline").asNumber().isEqualTo(7.5);
			assertThat(json).extractingPath("$.keyResults[0].target").asNumber().isEqualTo(7.0);
			assertThat(json).extractingPath("$.keyResults[2].baseline").asNumber().isEqualTo(70.0);
			assertThat(json).extractingPath("$.keyResults[2].kpi").isEqualTo(kpi);
			assertThat(json).extractingPath("$.guardrails[0].kpi").isEqualTo(kpi);
		});
		assertThat(kpis.health(kpi).improvingObjectiveId()).isEqualTo(copy);
		assertThat(api.get("/api/objectives/" + id)).bodyJson().extractingPath("$.carriedInto").asArray()
			.containsExactly((int) copy);
		assertThat(api.get("/api/objectives/" + id + "/history")).bodyJson()
			.extractingPath("$[?(@.field=='carriedInto')].to").asArray().hasSize(1);

		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":" + next + "}"))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
			.startsWith("The objective 'Customers love us' was already carried over into 'cycle")
			.endsWith("'; change its copy there instead.");
		long closedLater = okr.cycle(today().minusDays(10), today().plusDays(10));
		assertThat(api.post("/api/cycles/" + closedLater + "/close", "")).hasStatusOk();
		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":" + closedLater + "}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":" + cycle + "}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		long earlier = okr.cycle(today().minusDays(200), today().minusDays(100));
		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":" + earlier + "}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cycle");
		assertThat(api.post("/api/objectives/" + copy + "/carry-over", "{\"cycle\":" + next + "}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message").asString().contains("own cycle");
		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{\"cycle\":987654321}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/objectives/" + id + "/carry-over", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/objectives/987654321/carry-over", "{\"cycle\":" + next + "}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(objectives.list(next, team, 10, 0)).hasSize(1);
	}
}
