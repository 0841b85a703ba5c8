package dev.tandem.loop;

import static dev.tandem.ApiFixtures.body;
import static dev.tandem.ApiFixtures.id;
import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;


import dev.tandem.ApiFixtures;
import dev.tandem.SessionCookie;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

/**
 * Two key results on one KPI that both reach their targets: one decision, offering the better
 * level in the KPI's direction; accepting it settles the other with the reason kept, dismissing
 * it dismisses both, and one reaching its target later joins the decision still open.
 */
@TandemTest
class GraduationDecisionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Graduations graduations;

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
	void competingGraduationsAreOneDecisionAndAcceptingTheBetterSettlesTheOthers() {
		var competing = twoReachedOnComplaints();
		var complaints = competing.kpi();
		long worse = competing.worse();
		long better = competing.better();

		// one decision for the KPI, offering the lower level, the other inside it
		var open = openFor(complaints);
		assertThat(open).singleElement().satisfies(d -> {
			assertThat(d.id()).isEqualTo(better);
			assertThat(d.to()).isEqualTo(3.4);
			assertThat(d.competing()).extracting(GraduationView.Competitor::id).containsExactly(worse);
		});
		assertThat(api.get("/api/loop/graduations")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.kpi=='%s')].competing[*].to".formatted(complaints)).asArray().containsExactly(4.4);
		assertThat(api.get("/api/loop/graduations/" + worse)).hasStatusOk().bodyJson()
			.extractingPath("$.offeredInstead").asNumber().isEqualTo((int) better);

		// a third key result reaching its target later joins the open decision
		long third = keyResult(objective("Answer once"), complaints, 7, 4.0);
		record(complaints, 3.6);
		long joined = awaitGraduation(third);
		assertThat(openFor(complaints)).singleElement().satisfies(d -> {
			assertThat(d.id()).isEqualTo(better);
			assertThat(d.competing()).extracting(GraduationView.Competitor::id).containsExactly(joined, worse);
		});

		var accepted = api.post("/api/loop/graduations/%d/accept".formatted(better), "").exchange();
		assertThat(accepted).hasStatusOk().bodyJson().extractingPath("$.raised").isEqualTo(true);
		assertThat(kpis.get(complaints).target()).isEqualTo(3.4);
		assertThat(openFor(complaints)).isEmpty();
		for (long settled : List.of(worse, joined)) {
			var view = api.get("/api/loop/graduations/" + settled).exchange();
			assertThat(view).hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("SUPERSEDED");
			assertThat(view).bodyJson().extractingPath("$.supersededBy").asNumber().isEqualTo((int) better);
			assertThat(view).bodyJson().extractingPath("$.supersededReason").asString()
				.startsWith("settled by the graduation of key result “").contains("” to 3.40").doesNotContain("#");
			assertThat(view).bodyJson().extractingPath("$.decidedBy").isNotNull();
		}
		assertThat(api.get("/api/loop/graduations?state=SUPERSEDED")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.supersededBy==%d)].id".formatted(better)).asArray().hasSize(2);
		// and in the history
		assertThat(api.get("/api/audit?type=graduation.superseded")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.subject=='%d')].summary".formatted(worse)).asArray().singleElement().asString()
			.contains("settled by the graduation of key result “").contains("” to 3.40");
		// settled is decided: neither can be accepted any more
		assertThat(api.post("/api/loop/graduations/%d/accept".formatted(worse), "")).hasStatus(HttpStatus.CONFLICT);
		assertThat(kpis.get(complaints).target()).isEqualTo(3.4);
	}

	@Test
	void dismissingTheDecisionDismissesEveryGraduationInIt() {
		var csat = kpi(unique("csat"), "HIGHER_IS_BETTER", 80, 70);
		record(csat, 60);
		long first = keyResult(objective("Customers recommend us"), csat, 60, 82);
		long second = keyResult(objective("Support that delights"), csat, 60, 85);
		record(csat, 83);
		long lower = awaitGraduation(first);
		record(csat, 88);
		long higher = awaitGraduation(second);
		assertThat(openFor(csat)).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo(higher));

		// dismissed through the competitor, the decision goes as a whole
		assertThat(api.post("/api/loop/graduations/%d/dismiss".formatted(lower), "{\"reason\":\"a survey fluke\"}"))
			.hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("DISMISSED");
		assertThat(List.of(graduations.get(lower), graduations.get(higher))).allSatisfy(g -> {
			assertThat(g.state()).isEqualTo(GraduationState.DISMISSED);
			assertThat(g.dismissReason()).isEqualTo("a survey fluke");
		});
		assertThat(openFor(csat)).isEmpty();
		assertThat(kpis.get(csat).target()).isEqualTo(80.0);
	}

	@Test
	void theInboxShowsOneDecisionPerKpiAndAcceptingItSettlesTheCompetitor() {
		var competing = twoReachedOnComplaints();
		var complaints = competing.kpi();
		long worse = competing.worse();
		long better = competing.better();

		var inbox = mvc.get().uri("/inbox").with(user(owner)).exchange();
		assertThat(inbox).hasStatusOk();
		assertThat(inbox).bodyText()
			.contains("<tr id=\"graduation-" + better + "\">")
			.doesNotContain("<tr id=\"graduation-" + worse + "\">")
			// the competitor keeps an anchor, inside the decision's row
			.containsSubsequence("<tr id=\"graduation-" + better + "\">", "<li id=\"graduation-" + worse + "\">",
					"at 4.40 (graduation #" + worse + ")", "Accept 3.40", "Dismiss all 2", "</tr>");

		// the KPI's page says the decision waits, and links to its row in the inbox
		assertThat(mvc.get().uri("/kpis/{key}", complaints).with(user(owner))).hasStatusOk().bodyText()
			.containsSubsequence("id=\"waiting-graduation\"", "1 more competing", "href=\"/inbox?graduation=" + better + "#graduation-" + better + "\"");

		var session = new SessionCookie();
		var accepted = session.keep(mvc.post().uri("/inbox/graduations/{id}/accept", better).with(user(owner))
			.with(csrf()).exchange());
		assertThat(accepted).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/inbox");
		assertThat(mvc.get().uri("/inbox").with(user(owner)).with(session)).bodyText()
			.contains("Raised " + complaints + " to the level achieved. It settled the competing graduation.")
			.doesNotContain("graduation-" + worse + "\"");
		assertThat(graduations.get(worse).state()).isEqualTo(GraduationState.SUPERSEDED);
		assertThat(graduations.get(worse).supersededBy()).isEqualTo(better);
	}

	private List<GraduationView> openFor(String kpi) {
		return graduations.list(GraduationState.OPEN, 1000, 0).stream().filter(g -> kpi.equals(g.kpi())).toList();
	}

	private long awaitGraduation(long keyResult) {
		await().atMost(Duration.ofSeconds(20)).until(() -> graduationOf(keyResult) != null);
		return graduationOf(keyResult);
	}

	/** Its graduation's id, whether offered or competing inside another's decision. */
	private Long graduationOf(long keyResult) {
		for (var g : graduations.list(GraduationState.OPEN, 1000, 0)) {
			if (g.keyResultId() == keyResult) {
				return g.id();
			}
			if (g.competing() != null) {
				for (var c : g.competing()) {
					if (c.keyResultId() == keyResult) {
						return c.id();
					}
				}
			}
		}
		return null;
	}

	private long objective(String title) {
		return id(api.post("/api/objectives", """
				{"cycle":%d,"team":"%s","owner":"%s","title":"%s","level":"TEAM","commitment":"COMMITTED","state":"ACTIVE"}"""
			.formatted(cycle, team, owner, title)).exchange());
	}

	private long keyResult(long objective, String kpi, double baseline, double target) {
		return id(api.post("/api/objectives/%d/key-results".formatted(objective), """
				{"title":"Move %s from %s to %s","type":"METRIC","owner":"%s","baseline":%s,"target":%s,"kpi":"%s"}"""
			.formatted(kpi, baseline, target, owner, baseline, target, kpi)).exchange());
	}

	private String kpi(String key, String direction, double target, double warning) {
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"Measure","team":"%s","owner":"%s","unit":"SCORE","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"LAGGING","shape":"THRESHOLD","direction":"%s","target":%s,"warning":%s}"""
			.formatted(key, team, owner, direction, target, warning))).hasStatus(HttpStatus.CREATED);
		return key;
	}

	/** Two graduations competing on one lower-is-better KPI: one reached 4.4, the other 3.4. */
	record Competing(String kpi, long worse, long better) {
	}

	private Competing twoReachedOnComplaints() {
		var complaints = kpi(unique("complaints"), "LOWER_IS_BETTER", 5, 6);
		record(complaints, 7);
		long first = keyResult(objective("Reduce customer effort"), complaints, 7, 4.5);
		long second = keyResult(objective("Build long-term loyalty"), complaints, 7, 3.5);
		record(complaints, 4.4);
		long worse = awaitGraduation(first);
		record(complaints, 3.4);
		return new Competing(complaints, worse, awaitGraduation(second));
	}

	private void record(String key, double value) {
		var at = Instant.now().minus(1, ChronoUnit.HOURS).plusSeconds(counter++);
		kpis.record(List.of(new NewMeasurement(key, at, value, null)), i -> "[" + i + "]", Source.API);
	}

}
