package dev.tandem.loop;

import static dev.tandem.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.NewMeasurement;
import dev.tandem.kpi.Source;

@TandemTest
class ProposalApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Kpis kpis;

	@Autowired
	Proposals proposals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry registry;

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
	void aKpiTurningRedYieldsOneProposalWithItsDrivers() {
		var driver = kpi(unique("errors"), "LEADING", "LOWER_IS_BETTER", 20, 50, List.of());
		var uptime = kpi(unique("uptime"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of(driver));
		record(driver, 150);
		record(uptime, 50);

		var proposal = awaitOpenProposal(uptime);
		assertThat(proposal.reason()).isEqualTo(ProposalReason.RED);
		assertThat(proposal.suggestedKeyResult().baseline()).isEqualTo(50.0);
		assertThat(proposal.suggestedKeyResult().target()).isEqualTo(99.0);
		assertThat(proposal.suggestedKeyResult().title()).contains("Increase").contains("from 50 % to 99 %");
		assertThat(proposal.keyResults()).extracting(ProposalView.SuggestedKeyResult::kpi).containsExactly(uptime, driver);
		assertThat(proposal.keyResults().get(1).title()).startsWith("Reduce");
		assertThat(proposal.team()).isEqualTo(team);
		assertThat(proposal.owner()).isEqualTo(owner);
		assertThat(proposal.suggestedObjective()).doesNotContainPattern("\\d");

		assertThat(api.get("/api/loop/proposals")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.kpi=='%s')].suggestedKeyResult.target".formatted(uptime)).asArray().containsExactly(99.0);
	}

	@Test
	void concurrentMeasurementsStillYieldExactlyOneProposal() throws Exception {
		var key = kpi(unique("busy"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		var start = Instant.now().minus(2, ChronoUnit.HOURS);
		var pool = Executors.newFixedThreadPool(6);
		var writers = new ArrayList<Callable<Integer>>();
		for (int i = 0; i < 12; i++) {
			var at = start.plusSeconds(i * 60L);
			writers.add(() -> kpis.record(List.of(new NewMeasurement(key, at, 40 + Math.random(), null)), n -> "[" + n + "]",
					Source.API));
		}
		for (var future : pool.invokeAll(writers)) {
			future.get();
		}
		pool.shutdown();
		awaitQuiet();
		assertThat(openProposals(key)).isEqualTo(1);
	}

	@Test
	void aDismissedProposalStaysDismissedUntilTheKpiRecoversOrWorsensMarkedly() {
		var key = kpi(unique("dismissed"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		record(key, 90);
		var proposal = awaitOpenProposal(key);
		assertThat(api.post("/api/loop/proposals/%d/dismiss".formatted(proposal.id()), "{\"reason\":\"known outage, fixed by the vendor\"}"))
			.hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("DISMISSED");

		record(key, 89.5);
		awaitQuiet();
		assertThat(openProposals(key)).as("about as bad as when dismissed").isZero();

		record(key, 80);
		assertThat(awaitOpenProposal(key).id()).as("markedly worse").isNotEqualTo(proposal.id());
		dismiss(awaitOpenProposal(key).id());

		record(key, 99.5);
		awaitQuiet();
		record(key, 89);
		assertThat(awaitOpenProposal(key).reason()).as("recovered, then failed again").isEqualTo(ProposalReason.RED);
	}

	@Test
	void aKpiThatRecoversWithdrawsItsOpenProposal() {
		var key = kpi(unique("recovers"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		record(key, 60);
		var proposal = awaitOpenProposal(key);
		record(key, 99.9);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(proposals.get(proposal.id()).state()).isEqualTo(ProposalState.WITHDRAWN));
	}

	@Test
	void aGreenKpiWorseningThreePeriodsRunningYieldsAWorseningProposalAndItsDismissalHolds() {
		var key = kpi(unique("sliding"), "LAGGING", "HIGHER_IS_BETTER", 90, 80, List.of());
		recordDaysAgo(key, 3, 99);
		recordDaysAgo(key, 2, 97);
		recordDaysAgo(key, 1, 95);
		awaitQuiet();
		assertThat(openProposals(key)).as("two worsening periods are not yet a signal").isZero();

		recordDaysAgo(key, 0, 93);
		var proposal = awaitOpenProposal(key);
		assertThat(proposal.reason()).isEqualTo(ProposalReason.WORSENING);
		assertThat(proposal.suggestedObjective()).startsWith("Reverse the decline");
		assertThat(proposal.suggestedKeyResult().baseline()).isEqualTo(93.0);
		assertThat(proposal.suggestedKeyResult().target()).as("back to the level before the decline").isEqualTo(99.0);
		assertThat(proposal.suggestedKeyResult().title()).startsWith("Increase");
		assertThat(api.get("/api/loop/proposals")).hasStatusOk().bodyJson()
			.extractingPath("$[?(@.kpi=='%s')].reason".formatted(key)).asArray().containsExactly("WORSENING");

		dismiss(proposal.id());
		recordDaysAgo(key, 0, 92);
		awaitQuiet();
		assertThat(openProposals(key)).as("still green, still sliding, as when dismissed").isZero();
	}

	@Test
	void aGreenKpiThatStopsWorseningWithdrawsItsWorseningProposal() {
		var key = kpi(unique("steadies"), "LAGGING", "HIGHER_IS_BETTER", 90, 80, List.of());
		recordDaysAgo(key, 3, 99);
		recordDaysAgo(key, 2, 97);
		recordDaysAgo(key, 1, 95);
		recordDaysAgo(key, 0, 93);
		var proposal = awaitOpenProposal(key);
		assertThat(proposal.reason()).isEqualTo(ProposalReason.WORSENING);

		recordDaysAgo(key, 0, 96);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(proposals.get(proposal.id()).state()).isEqualTo(ProposalState.WITHDRAWN));
		assertThat(proposals.get(proposal.id()).decidedBy()).isEqualTo("system");
	}

	@Test
	void dismissingNeedsAReasonAndAnOpenProposal() {
		var key = kpi(unique("reasons"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		record(key, 10);
		var proposal = awaitOpenProposal(key);
		var path = "/api/loop/proposals/%d/dismiss".formatted(proposal.id());
		assertThat(api.post(path, "{\"reason\":\"  \"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
		assertThat(api.post(path, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(proposals.get(proposal.id()).state()).isEqualTo(ProposalState.OPEN);
		assertThat(api.post(path, "{\"reason\":\"not now\"}")).hasStatusOk();
		assertThat(api.post(path, "{\"reason\":\"again\"}")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.detail").isEqualTo("The proposal for the KPI '" + key + "' (KPI "
					+ key.replaceAll("[^a-z]+", " ").strip() + ") is already dismissed; only an open proposal can be dismissed.");
		assertThat(api.post("/api/loop/proposals/999999/dismiss", "{\"reason\":\"x\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/loop/proposals?state=MAYBE")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void focusRanksUnhealthyKpisWithAnExplanation() {
		var mild = kpi(unique("mild"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		var severe = kpi(unique("severe"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		record(mild, 98);
		record(severe, 60);
		var body = api.get("/api/loop/focus");
		assertThat(body).hasStatusOk();
		var ranking = proposalsFocus();
		int mildRank = ranking.stream().filter(f -> f.kpi().equals(mild)).findFirst().orElseThrow().rank();
		int severeRank = ranking.stream().filter(f -> f.kpi().equals(severe)).findFirst().orElseThrow().rank();
		assertThat(severeRank).isLessThan(mildRank);
		assertThat(ranking.stream().filter(f -> f.kpi().equals(severe)).findFirst().orElseThrow().explanation())
			.contains("red at 60 %").contains("target of 99 %");
	}

	@Test
	void focusComesAPageAtATimeWithTheWholeRankingsSizeInAHeader() {
		var driver = kpi(unique("pdriver"), "LEADING", "LOWER_IS_BETTER", 20, 50, List.of());
		var led = kpi(unique("pled"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of(driver));
		var mild = kpi(unique("pmild"), "LAGGING", "HIGHER_IS_BETTER", 99, 97, List.of());
		record(driver, 150);
		record(led, 50);
		record(mild, 98);
		var all = focus.ranking();
		assertThat(all.size()).isGreaterThanOrEqualTo(3);
		assertThat(all).extracting(FocusItem::rank).startsWith(1, 2, 3);
		assertThat(all.stream().filter(f -> f.kpi().equals(driver)).findFirst().orElseThrow().explanation())
			.contains("that drives 1 other KPI");

		var firstTwo = api.get("/api/loop/focus?limit=2").exchange();
		assertThat(firstTwo).hasStatusOk();
		assertThat(firstTwo.getResponse().getHeader("X-Total-Count")).isEqualTo(String.valueOf(all.size()));
		assertThat(firstTwo).bodyJson().extractingPath("$[*].kpi").asArray()
			.containsExactly(all.get(0).kpi(), all.get(1).kpi());
		var second = api.get("/api/loop/focus?limit=1&offset=1").exchange();
		assertThat(second).bodyJson().extractingPath("$[*].rank").asArray().containsExactly(2);
		assertThat(second).bodyJson().extractingPath("$[0].kpi").isEqualTo(all.get(1).kpi());
		assertThat(second).bodyJson().extractingPath("$[0].explanation").isEqualTo(all.get(1).explanation());
		var beyond = api.get("/api/loop/focus?offset=" + all.size()).exchange();
		assertThat(beyond).bodyJson().extractingPath("$").asArray().isEmpty();
		assertThat(beyond.getResponse().getHeader("X-Total-Count")).isEqualTo(String.valueOf(all.size()));
		assertThat(api.get("/api/loop/focus")).bodyJson().extractingPath("$.length()")
			.isEqualTo(Math.min(50, all.size()));

		assertThat(api.get("/api/loop/focus?limit=501")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/loop/focus?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/api/loop/focus?offset=-1")).hasStatus(HttpStatus.BAD_REQUEST);
		// the other lists of the loop refuse a limit out of range the same way (they answered 500 before)
		assertThat(api.get("/api/loop/proposals?limit=1001")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Autowired
	Focus focus;

	private List<FocusItem> proposalsFocus() {
		return focus.ranking();
	}

	private void dismiss(long id) {
		assertThat(api.post("/api/loop/proposals/%d/dismiss".formatted(id), "{\"reason\":\"not this quarter\"}")).hasStatusOk();
	}

	private String kpi(String key, String indicator, String direction, double target, double warning, List<String> drivers) {
		var driverList = drivers.isEmpty() ? "" : ",\"drivers\":[\"" + String.join("\",\"", drivers) + "\"]";
		assertThat(api.post("/api/kpis", """
				{"key":"%s","name":"KPI %s","team":"%s","owner":"%s","unit":"PERCENT","source":"API","frequency":"DAILY",
				 "aggregation":"LAST","indicator":"%s","shape":"THRESHOLD","direction":"%s","target":%s,"warning":%s%s}"""
			.formatted(key, key.replaceAll("[^a-z]+", " ").strip(), team, owner, indicator, direction, target, warning,
					driverList)))
			.hasStatus(HttpStatus.CREATED);
		return key;
	}

	private int counter;

	private void record(String key, double value) {
		var at = Instant.now().minus(1, ChronoUnit.HOURS).plusSeconds(counter++);
		kpis.record(List.of(new NewMeasurement(key, at, value, null)), i -> "[" + i + "]", Source.API);
	}

	/** A point {@code days} days before the last hour: its own daily period, never in the future, after the points before it. */
	private void recordDaysAgo(String key, int days, double value) {
		var at = Instant.now().minus(1, ChronoUnit.HOURS).minus(days, ChronoUnit.DAYS).plusSeconds(counter++);
		kpis.record(List.of(new NewMeasurement(key, at, value, null)), i -> "[" + i + "]", Source.API);
	}

	private ProposalView awaitOpenProposal(String key) {
		await().atMost(Duration.ofSeconds(20)).until(() -> openProposals(key) == 1);
		return proposals.list(ProposalState.OPEN, 1000, 0).stream().filter(p -> p.kpi().equals(key)).findFirst().orElseThrow();
	}

	private long openProposals(String key) {
		return jdbc.sql("select count(*) from proposal p join kpi k on k.id = p.kpi_id where k.slug = ? and p.state = 'OPEN'")
			.param(key)
			.query(Long.class)
			.single();
	}

	/** Every reaction to what happened so far has run. */
	private void awaitQuiet() {
		await().atMost(Duration.ofSeconds(20)).until(() -> registry.findIncompletePublications().isEmpty());
	}
}
