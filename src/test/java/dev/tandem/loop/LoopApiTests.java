package dev.tandem.loop;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.ApiFixtures.id;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

/** The loop end to end through the API: accept, graduate, guard, coach and what a person owes. */
@TandemTest
class LoopApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Proposals proposals;

	@Autowired
	EventPublicationRegistry registry;

	ApiFixtures api;

	String team;

	String owner;

	long cycle;

	int counter;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
		cycle = api.cycleAroundToday();
	}

	@Test
	void acceptingAProposalDraftsAnObjectiveThatImprovesTheKpi() {
		var uptime = kpi(unique("uptime"), "HIGHER_IS_BETTER", 99, 97);
		record(uptime, 50);
		var proposal = awaitOpenProposal(uptime);

		var accepted = api.post("/api/loop/proposals/%d/accept".formatted(proposal.id()), "{\"cycle\":%d}".formatted(cycle))
			.exchange();
		assertThat(accepted).hasStatusOk();
		long objectiveId = ((Number) JsonPath.read(body(accepted), "$.objectiveId")).longValue();

		var objective = api.get("/api/objectives/" + objectiveId).exchange();
		assertThat(objective).hasStatusOk();
		assertThat(objective).bodyJson().extractingPath("$.state").isEqualTo("DRAFT");
		assertThat(objective).bodyJson().extractingPath("$.team").isEqualTo(team);
		assertThat(objective).bodyJson().extractingPath("$.owner").isEqualTo(owner);
		assertThat(objective).bodyJson().extractingPath("$.keyResults[0].kpi").isEqualTo(uptime);
		assertThat(objective).bodyJson().extractingPath("$.keyResults[0].target").isEqualTo(99.0);
		assertThat(objective).bodyJson().extractingPath("$.keyResults[0].baseline").isEqualTo(50.0);

		var health = kpis.health(uptime);
		assertThat(health.mode()).isEqualTo(Mode.IMPROVING);
		assertThat(health.improvingObjectiveId()).isEqualTo(objectiveId);
		assertThat(proposals.get(proposal.id()).state()).isEqualTo(ProposalState.ACCEPTED);

		// editing the draft's key result keeps the KPI taken on; removing it lets go
		long keyResult = ((Number) JsonPath.read(body(objective), "$.keyResults[0].id")).longValue();
		assertThat(api.put("/api/key-results/" + keyResult, """
				{"title":"Uptime back to 99 %%","type":"METRIC","owner":"%s","baseline":50,"target":99,"kpi":"%s"}"""
			.formatted(owner, uptime))).hasStatusOk();
		assertThat(kpis.health(uptime).improvingObjectiveId()).isEqualTo(objectiveId);

		record(uptime, 40);
		awaitQuiet();
		assertThat(proposals.list(ProposalState.OPEN, 1000, 0)).noneMatch(p -> p.kpi().equals(uptime));
		assertThat(api.post("/api/loop/proposals/%d/accept".formatted(proposal.id()), "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").isEqualTo("The proposal for the KPI '" + uptime
					+ "' (Measure) is already accepted; only an open proposal can be accepted.");
		assertThat(api.post("/api/loop/proposals/424242/accept", "")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void acceptingAProposalTakesOnItsDriversAndWithdrawsTheirOwnProposals() {
		var errors = unique("errors");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Errors","team":"%s","owner":"%s","unit":"COUNT","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"LEADING","shape":"THRESHOLD","direction":"LOWER_IS_BETTER",
				 "target":20,"warning":50}""".formatted(errors, team, owner)))
			.hasStatus(HttpStatus.CREATED);
		var uptime = unique("uptime");
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Uptime","team":"%s","owner":"%s","unit":"PERCENT","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD","direction":"HIGHER_IS_BETTER",
				 "target":99,"warning":97,"drivers":["%s"]}""".formatted(uptime, team, owner, errors)))
			.hasStatus(HttpStatus.CREATED);
		record(errors, 150);
		var errorsProposal = awaitOpenProposal(errors);
		record(uptime, 50);
		var uptimeProposal = awaitOpenProposal(uptime);
		assertThat(uptimeProposal.keyResults()).extracting(ProposalView.SuggestedKeyResult::kpi)
			.containsExactly(uptime, errors);

		var accepted = api.post("/api/loop/proposals/%d/accept".formatted(uptimeProposal.id()),
				"{\"cycle\":%d}".formatted(cycle)).exchange();
		assertThat(accepted).hasStatusOk();
		long objectiveId = ((Number) JsonPath.read(body(accepted), "$.objectiveId")).longValue();
		// the draft has a key result on the driver too: nobody is asked to decide about it twice
		assertThat(proposals.get(errorsProposal.id()).state()).isEqualTo(ProposalState.WITHDRAWN);
		assertThat(kpis.health(errors).improvingObjectiveId()).isEqualTo(objectiveId);

		record(errors, 170);
		awaitQuiet();
		assertThat(proposals.list(ProposalState.OPEN, 1000, 0)).noneMatch(p -> p.kpi().equals(errors));
	}

	@Test
	void anObjectiveTakingOnAProposedKpiWithdrawsTheProposal() {
		var nps = kpi(unique("nps"), "HIGHER_IS_BETTER", 50, 40);
		record(nps, 10);
		var proposal = awaitOpenProposal(nps);

		var objective = objective("Customers recommend us", "ACTIVE");
		keyResult(objective, "\"title\":\"Raise NPS from 10 to 50\",\"type\":\"METRIC\",\"owner\":\"%s\",\"baseline\":10,"
				.formatted(owner) + "\"target\":50,\"kpi\":\"%s\"".formatted(nps));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(proposals.get(proposal.id()).state()).isEqualTo(ProposalState.WITHDRAWN));
		assertThat(kpis.health(nps).improvingObjectiveId()).isEqualTo(objective);
	}

	@Test
	void aLinkedKeyResultReachingItsTargetGraduatesIntoTheKpisThreshold() {
		var csat = kpi(unique("csat"), "HIGHER_IS_BETTER", 80, 70);
		record(csat, 60);
		long objective = objective("Customers recommend us", "ACTIVE");
		long keyResult = keyResult(objective, """
				"title":"Lift satisfaction","type":"METRIC","owner":"%s","baseline":60,"target":85,"kpi":"%s\"""".formatted(owner, csat));

		record(csat, 88);
		var graduation = awaitGraduation(keyResult);
		assertThat(graduation.kpi()).isEqualTo(csat);
		assertThat(graduation.from()).isEqualTo(80.0);
		assertThat(graduation.to()).isEqualTo(88.0);
		assertThat(api.get("/api/loop/graduations")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.keyResultId==%d)].to".formatted(keyResult)).asArray().containsExactly(88.0);

		assertThat(api.post("/api/loop/graduations/%d/accept".formatted(graduation.id()), "")).hasStatusOk()
			.bodyJson().extractingPath("$.raised").isEqualTo(true);
		var raised = kpis.get(csat);
		assertThat(raised.target()).isEqualTo(88.0);
		assertThat(raised.warning()).isEqualTo(78.0);
		assertThat(raised.health().mode()).isEqualTo(Mode.MONITORED);
		assertThat(kpis.history(csat)).anySatisfy(change -> assertThat(change.reason())
			.startsWith("Graduated from objective “Customers recommend us” (")
			.endsWith("): key result “Lift satisfaction” reached 88.0"));
		assertThat(api.post("/api/loop/graduations/%d/accept".formatted(graduation.id()), "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").isEqualTo("The graduation of the key result 'Lift satisfaction' is "
					+ "already accepted; only an open graduation can be accepted.");

		record(csat, 90);
		awaitQuiet();
		assertThat(api.get("/api/loop/graduations?state=ACCEPTED")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.keyResultId==%d)]".formatted(keyResult)).asArray().hasSize(1);
	}

	@Test
	void aMetricThatIsNotYetAKpiGraduatesIntoANewKpi() {
		long objective = objective("Partners bring us customers", "ACTIVE");
		long keyResult = keyResult(objective, """
				"title":"Partner referrals per month","type":"METRIC","owner":"%s","baseline":10,"target":30""".formatted(owner));
		assertThat(api.post("/api/key-results/%d/check-ins".formatted(keyResult), "{\"value\":34,\"confidence\":9}"))
			.hasStatus(HttpStatus.CREATED);
		var graduation = awaitGraduation(keyResult);
		assertThat(graduation.kpi()).isNull();
		assertThat(graduation.from()).isEqualTo(10.0);

		var key = unique("referrals");
		assertThat(api.post("/api/loop/graduations/%d/accept".formatted(graduation.id()), "{\"key\":\"Not A Slug\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.post("/api/loop/graduations/%d/accept".formatted(graduation.id()),
				"{\"key\":\"%s\",\"frequency\":\"WEEKLY\"}".formatted(key)))
			.hasStatusOk().bodyJson().extractingPath("$.createdKpi").isEqualTo(key);
		var created = kpis.get(key);
		assertThat(created.target()).isEqualTo(34.0);
		assertThat(created.warning()).isLessThan(34.0);
		assertThat(created.team()).isEqualTo(team);
		assertThat(created.health().value()).isEqualTo(34.0);
	}

	@Test
	void aGuardrailTurningAmberRaisesAnAlertThatClearsOnRecovery() {
		var quality = kpi(unique("quality"), "HIGHER_IS_BETTER", 4.6, 4.2);
		record(quality, 4.8);
		long objective = objective("Grow our reach", "ACTIVE");
		assertThat(api.put("/api/objectives/%d/guardrails".formatted(objective), "[\"%s\"]".formatted(quality))).hasStatusOk();

		record(quality, 4.4);
		await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(objective).size() == 1);
		var alert = openAlerts(objective).get(0);
		assertThat(alert.kpi()).isEqualTo(quality);
		assertThat(alert.status()).hasToString("AMBER");
		assertThat(alert.objective()).isEqualTo("Grow our reach");

		record(quality, 3.0);
		await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(objective).get(0).worstStatus().name().equals("RED"));
		record(quality, 4.9);
		await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(objective).isEmpty());
		assertThat(api.get("/api/loop/alerts?state=ALL&objective=" + objective)).hasStatusOk().bodyJson()
			.extractingPath("$[0].clearedBecause").asString().contains("healthy again");
		assertThat(api.get("/api/loop/alerts?state=SOME")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theCoachNamesEachTrapWithWhatToDo() {
		long numeric = objective("Grow revenue by 20%", "ACTIVE");
		keyResult(numeric, "\"title\":\"Launch the new pricing page\",\"type\":\"MILESTONE\",\"owner\":\"%s\"".formatted(owner));
		keyResult(numeric, "\"title\":\"Monthly revenue\",\"type\":\"METRIC\",\"owner\":\"%s\",\"baseline\":100,\"target\":102"
			.formatted(owner));
		for (int i = 0; i < 3; i++) {
			objective("Delight customers " + (char) ('a' + i), "ACTIVE");
		}
		var findings = api.get("/api/coach?cycle=%d&team=%s".formatted(cycle, team)).exchange();
		assertThat(findings).hasStatusOk();
		List<String> rules = JsonPath.read(body(findings), "$[*].rule");
		assertThat(rules).contains("GOAL_OVERLOAD", "NUMERIC_OBJECTIVE", "TASK_NOT_OUTCOME", "BUSINESS_AS_USUAL",
				"NO_GUARDRAIL");
		List<String> messages = JsonPath.read(body(findings), "$[?(@.rule=='GOAL_OVERLOAD')].message");
		assertThat(messages).singleElement().asString().contains("4 objectives").contains("focus on the 3");

		var check = api.post("/api/coach/check", """
				{"title":"Ship v2","keyResults":[{"title":"Keep churn at 2 %","type":"METRIC","baseline":2,"target":2}]}""");
		assertThat(check).hasStatusOk().bodyJson().extractingPath("$[*].rule").asArray()
			.contains("BUSINESS_AS_USUAL", "MISSING_OWNER", "NUMERIC_OBJECTIVE");
		assertThat(api.post("/api/coach/check", "{\"keyResults\":[]}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/coach?cycle=987654")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void whatIOweListsDueCheckInsKpisWithoutDataAndDecisions() {
		var silent = kpi(unique("silent"), "HIGHER_IS_BETTER", 10, 8);
		long objective = objective("Be known for speed", "ACTIVE");
		long keyResult = keyResult(objective, "\"title\":\"Median answer time\",\"type\":\"METRIC\",\"owner\":\"%s\",\"baseline\":60,\"target\":20,\"unit\":\"min\""
			.formatted(owner));
		var owed = mvc.get().uri("/api/me/owed").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.httpBasic(owner, "owner-password-1")).exchange();
		assertThat(owed).hasStatusOk();
		List<Integer> due = JsonPath.read(body(owed), "$.checkIns[*].keyResultId");
		assertThat(due).contains((int) keyResult);
		List<String> lacking = JsonPath.read(body(owed), "$.kpis[*].kpi");
		assertThat(lacking).contains(silent);
		assertThat(((Number) JsonPath.read(body(owed), "$.total")).intValue()).isGreaterThanOrEqualTo(2);
		assertThat(mvc.get().uri("/api/me/owed").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private List<GuardrailAlertView> openAlerts(long objective) {
		return alerts.list(true, objective, 100, 0);
	}

	@Autowired
	GuardrailAlerts alerts;

	@Autowired
	Graduations graduations;

	private GraduationView awaitGraduation(long keyResult) {
		await().atMost(Duration.ofSeconds(20)).until(() -> graduations.list(GraduationState.OPEN, 1000, 0).stream()
			.anyMatch(g -> g.keyResultId() == keyResult));
		return graduations.list(GraduationState.OPEN, 1000, 0).stream().filter(g -> g.keyResultId() == keyResult)
			.findFirst().orElseThrow();
	}

	private long objective(String title, String state) {
		return id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"%s","level":"TEAM","commitment":"COMMITTED","state":"%s"}"""
			.formatted(cycle, team, owner, title, state)).exchange());
	}

	private long keyResult(long objective, String fields) {
		return id(api.post("/api/objectives/%d/key-results".formatted(objective), "{" + fields + "}").exchange());
	}

	private String kpi(String key, String direction, double target, double warning) {
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Measure","team":"%s","owner":"%s","unit":"SCORE","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD","direction":"%s","target":%s,"warning":%s}"""
			.formatted(key, team, owner, direction, target, warning))).hasStatus(HttpStatus.CREATED);
		return key;
	}

	private void record(String key, double value) {
		var at = Instant.now().minus(1, ChronoUnit.HOURS).plusSeconds(counter++);
		kpis.record(List.of(new NewMeasurement(key, at, value, null)), i -> "[" + i + "]", Source.API);
	}

	private ProposalView awaitOpenProposal(String key) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> proposals.list(ProposalState.OPEN, 1000, 0).stream().anyMatch(p -> p.kpi().equals(key)));
		return proposals.list(ProposalState.OPEN, 1000, 0).stream().filter(p -> p.kpi().equals(key)).findFirst()
			.orElseThrow();
	}

	private void awaitQuiet() {
		await().atMost(Duration.ofSeconds(20)).until(() -> registry.findIncompletePublications().isEmpty());
	}

}
