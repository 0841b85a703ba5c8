package dev.tandem.imports;

import static dev.tandem.TestUsers.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.TestUsers;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;

@TandemTest
class SheetOkrImportApiTests {

	static final String HEADER = "objective,level,team,owner,parent,commitment,key_result,type,kr_owner,baseline,target,unit,kpi,weight\n";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Objectives objectives;

	ApiFixtures api;

	String team;

	String owner;

	long cycle;

	String kpi;

	@BeforeEach
	void setUp() {
		api = new ApiFixtures(mvc);
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
		cycle = api.cycleAroundToday();
		kpi = api.thresholdKpi("DAILY", "AVERAGE");
	}

	MvcTestResult post(String csv, String query) {
		return mvc.post().uri("/api/import/okrs?cycle=" + cycle + query).with(admin()).contentType("text/csv").content(csv)
			.exchange();
	}

	List<ObjectiveView> inCycle() {
		return objectives.list(cycle, null, 1000, 0);
	}

	@Test
	void objectivesKeyResultsParentsAndKpiLinksAreCreatedParentsFirst() {
		var existing = ApiFixtures.id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"Win the market","level":"COMPANY","commitment":"COMMITTED"}"""
			.formatted(cycle, team, owner)).exchange());
		var csv = HEADER
				+ "Faster checkout,TEAM,%s,%s,Happy customers,COMMITTED,Checkout under 2 s,METRIC,%s,3.5,2,s,%s,2\n"
					.formatted(team, owner, owner, kpi)
				+ "Faster checkout,,,,,,Ship one-click,MILESTONE,,,,,,\n"
				+ "Happy customers,COMPANY,%s,%s,Win the market,aspirational,NPS above 50,,,30,50,,,\n".formatted(team, owner);
		var result = post(csv, "");
		assertThat(result).hasStatus(HttpStatus.CREATED);
		var body = ApiFixtures.body(result);
		assertThat((Integer) JsonPath.read(body, "$.keyResults.length()")).isEqualTo(3);
		assertThat(JsonPath.<List<String>>read(body, "$.kpis")).containsExactly(kpi);
		assertThat(JsonPath.<List<String>>read(body, "$.links[*].kind")).containsExactlyInAnyOrder("parent", "parent", "kpi");
		var byTitle = inCycle().stream().collect(java.util.stream.Collectors.toMap(ObjectiveView::title, o -> o));
		assertThat(byTitle).containsKeys("Faster checkout", "Happy customers", "Win the market");
		var parent = byTitle.get("Happy customers");
		var child = byTitle.get("Faster checkout");
		assertThat(parent.parentId()).isEqualTo(existing);
		assertThat(child.parentId()).isEqualTo(parent.id());
		assertThat(parent.commitment().name()).isEqualTo("ASPIRATIONAL");
		assertThat(child.keyResults()).extracting(kr -> kr.title()).containsExactly("Checkout under 2 s", "Ship one-click");
		assertThat(child.keyResults().get(0).kpi()).isEqualTo(kpi);
		assertThat(child.keyResults().get(0).weight()).isEqualTo(2.0);
		assertThat(child.keyResults().get(1).type().name()).isEqualTo("MILESTONE");
		assertThat(parent.keyResults().get(0).type().name()).isEqualTo("METRIC");
	}

	@Test
	void aDryRunListsWhatWouldBeCreatedAndWritesNothing() {
		var csv = HEADER + "Faster checkout,TEAM,%s,%s,,COMMITTED,Checkout under 2 s,METRIC,%s,3.5,2,s,%s,1\n"
			.formatted(team, owner, owner, kpi);
		var result = post(csv, "&dryRun=true");
		assertThat(result).hasStatusOk();
		var body = ApiFixtures.body(result);
		assertThat((Boolean) JsonPath.read(body, "$.imported")).isFalse();
		assertThat(JsonPath.<List<String>>read(body, "$.objectives[*].title")).containsExactly("Faster checkout");
		assertThat(JsonPath.<List<String>>read(body, "$.keyResults[*].title")).containsExactly("Checkout under 2 s");
		assertThat(JsonPath.<List<Object>>read(body, "$.problems")).isEmpty();
		assertThat(inCycle()).isEmpty();
	}

	@Test
	void everyProblemIsReportedWithItsRowAndColumnAndNothingIsWritten() {
		var csv = HEADER
				+ "Good one,TEAM,%s,%s,,COMMITTED,Fine,METRIC,%s,1,2,,,1\n".formatted(team, owner, owner)
				+ "Unknown team,TEAM,no-such-team,%s,,,KR,METRIC,,1,2,,,\n".formatted(owner)
				+ "Bad owner,TEAM,%s,%s,,,KR,METRIC,nobody-here,1,2,,,\n".formatted(team, owner)
				+ "Orphan,TEAM,%s,%s,No such parent,,KR,METRIC,,1,2,,,\n".formatted(team, owner)
				+ "Flat,TEAM,%s,%s,,,KR,METRIC,,5,5,,,\n".formatted(team, owner)
				+ "Heavy,TEAM,%s,%s,,,KR,METRIC,,1,2,,,heavy\n".formatted(team, owner)
				+ "Twice,TEAM,%s,%s,,,KR one,METRIC,,1,2,,%s,\n".formatted(team, owner, kpi)
				+ "Twice,,,,,,KR two,METRIC,,1,3,,%s,\n".formatted(kpi);
		var result = post(csv, "&dryRun=true");
		assertThat(result).hasStatusOk();
		var problems = JsonPath.<List<Map<String, Object>>>read(ApiFixtures.body(result), "$.problems");
		assertThat(problems).extracting(p -> p.get("row") + " " + p.get("column")).contains("3 team", "4 kr_owner",
				"5 parent", "6 target", "7 weight", "9 kpi");
		assertThat(problems).noneMatch(p -> Integer.valueOf(2).equals(p.get("row")));
		assertThat(inCycle()).isEmpty();
		assertThat(post(csv, "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("row 3, team");
		assertThat(inCycle()).isEmpty();
	}

	@Test
	void aLoopOfParentsIsAProblem() {
		var csv = HEADER + "A,TEAM,%s,%s,B,,,,,,,,,\n".formatted(team, owner) + "B,TEAM,%s,%s,A,,,,,,,,,\n".formatted(team, owner);
		assertThat(post(csv, "&dryRun=true")).hasStatusOk().bodyJson().extractingPath("$.problems[0].column").isEqualTo("parent");
		assertThat(inCycle()).isEmpty();
	}

	@Test
	void anUnknownCycleIs400() {
		assertThat(mvc.post().uri("/api/import/okrs?cycle=987654321").with(admin()).contentType("text/csv")
			.content(HEADER)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cycle");
	}

	@Test
	void perdooLikeHeadersAreMatchedByAliasesAndTheRestByMapping() {
		var csv = "Objective Name,Objective Lead,Group,Key Result Name,Start Value,Target Value,Progress\n"
				+ "Grow,%s,%s,Users to 100,10,100,40%%\n".formatted(owner, team);
		var result = mvc.post().uri("/api/import/okrs").param("cycle", String.valueOf(cycle)).param("map.team", "Group")
			.with(admin()).contentType("text/csv").content(csv).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.ignoredColumns").asArray()
			.containsExactly("Progress");
		var grow = inCycle().get(0);
		assertThat(grow.title()).isEqualTo("Grow");
		assertThat(grow.keyResults().get(0).baseline()).isEqualTo(10.0);
		assertThat(grow.keyResults().get(0).target()).isEqualTo(100.0);
		assertThat(TestUsers.unique("x")).isNotBlank();
	}
}
