package dev.tandem.okr;

import static dev.tandem.okr.OkrFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.tandem.ApiFixtures;
import dev.tandem.TandemTest;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.Kpis;
import dev.tandem.problem.InvalidInputException;

/** What the loop asks of OKRs through {@link Okrs}. */
@TandemTest
class OkrsFacadeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Okrs okrs;

	@Autowired
	Objectives objectives;

	@Autowired
	Kpis kpis;

	OkrFixtures okr;

	ApiFixtures api;

	String team;

	String owner;

	@BeforeEach
	void setUp() {
		okr = new OkrFixtures(mvc);
		api = okr.api;
		var teamAndOwner = api.teamWithOwner();
		team = teamAndOwner[0];
		owner = teamAndOwner[1];
	}

	@Test
	void aDraftWithKpiLinkedKeyResultsIsCreatedWholeOrNotAtAll() {
		var kpi = api.thresholdKpi("DAILY", "LAST");
		measure(kpi, 50);
		long cycle = okr.runningCycle();
		var draft = okrs.createDraft(new Okrs.DraftObjective(cycle, team, owner,
				"Create an excellent patient registration platform", "Uptime is at 50 %.",
				List.of(new Okrs.DraftKeyResult("Increase uptime from 50 % to 99 %", kpi, null, null, 99))));
		assertThat(draft.state()).isEqualTo(ObjectiveState.DRAFT);
		assertThat(draft.keyResults()).singleElement().satisfies(kr -> {
			assertThat(kr.kpi()).isEqualTo(kpi);
			assertThat(kr.baseline()).isEqualTo(50.0);
			assertThat(kr.owner()).isEqualTo(owner);
		});
		// a draft improves nothing yet
		assertThat(kpis.health(kpi).mode()).isEqualTo(Mode.MONITORED);
		assertThat(okrs.keyResultsLinkedTo(kpi)).singleElement()
			.satisfies(k -> assertThat(k.state()).isEqualTo(ObjectiveState.DRAFT));

		var broken = new Okrs.DraftObjective(cycle, team, owner, "Half a proposal", null,
				List.of(new Okrs.DraftKeyResult("Fine", kpi, null, null, 99),
						new Okrs.DraftKeyResult("Broken", "no-such-kpi", null, 1.0, 2)));
		assertThatThrownBy(() -> okrs.createDraft(broken)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> okrs.createDraft(new Okrs.DraftObjective(cycle, team, owner, "Empty", null, List.of())))
			.isInstanceOf(InvalidInputException.class);
		assertThat(objectives.list(cycle, team, 10, 0)).extracting(ObjectiveView::title)
			.containsExactly("Create an excellent patient registration platform");
	}

	@Test
	void linkedKeyResultsSayWhereTheyStandAndWhetherTheyReachedTheTarget() {
		var kpi = api.thresholdKpi("DAILY", "LAST");
		measure(kpi, 60);
		long cycle = okr.runningCycle();
		long objective = okr.objective(cycle, team, owner, "");
		long kr = okr.keyResult(objective, """
				"title":"Uptime","type":"METRIC","owner":"%s","baseline":50,"target":70,"kpi":"%s\"""".formatted(owner, kpi));
		assertThat(okrs.keyResultsLinkedTo(kpi)).singleElement().satisfies(k -> {
			assertThat(k.keyResultId()).isEqualTo(kr);
			assertThat(k.objectiveId()).isEqualTo(objective);
			assertThat(k.current()).isEqualTo(60.0);
			assertThat(k.target()).isEqualTo(70.0);
			assertThat(k.reachedTarget()).isFalse();
		});
		measure(kpi, 71);
		assertThat(okrs.keyResultsLinkedTo(kpi)).singleElement().satisfies(k -> assertThat(k.reachedTarget()).isTrue());
		assertThat(okrs.reachedTargets()).extracting(Okrs.ReachedTarget::keyResultId).contains(kr);
		assertThat(okrs.linkedKeyResults()).extracting(Okrs.LinkedKeyResult::keyResultId).contains(kr);

		assertThat(okrs.activeObjectivesWithGuardrails()).extracting(Okrs.ActiveObjective::objectiveId)
			.doesNotContain(objective);
		assertThat(api.put("/api/objectives/" + objective + "/guardrails", "[\"%s\"]".formatted(kpi))).hasStatusOk();
		assertThat(okrs.activeObjectivesWithGuardrails()).filteredOn(o -> o.objectiveId() == objective).singleElement()
			.satisfies(o -> assertThat(o.guardrails()).extracting(GuardrailView::kpi).containsExactly(kpi));

		assertThat(api.post("/api/cycles/" + cycle + "/close", "")).hasStatusOk();
		assertThat(okrs.keyResultsLinkedTo(kpi)).isEmpty();
		assertThat(okrs.reachedTargets(cycle)).singleElement()
			.satisfies(t -> assertThat(t.cycleClosed()).isTrue());
	}

	@Test
	void theCurrentCycleIsTheShortestOpenOneContainingTodayAndTheNextOneStartsLater() {
		long year = okr.cycle(today().minusDays(200), today().plusDays(160));
		okr.cycle(today().minusDays(10), today().plusDays(80));
		okr.cycle(today().plusDays(3000), today().plusDays(3090));
		// other tests share the database: the current cycle is this quarter or one even shorter
		var current = okrs.currentCycle().orElseThrow();
		assertThat(current.id()).isNotEqualTo(year);
		assertThat(current.end().toEpochDay() - current.start().toEpochDay()).isLessThanOrEqualTo(90);
		assertThat(current.start()).isBeforeOrEqualTo(today());
		assertThat(current.end()).isAfterOrEqualTo(today());
		var next = okrs.nextCycle().orElseThrow();
		assertThat(next.start()).isAfter(today()).isBeforeOrEqualTo(today().plusDays(3000));
	}

	private void measure(String kpi, double value) {
		assertThat(api.post("/api/kpis/" + kpi + "/measurements", "{\"at\":\"%sT06:00:00Z\",\"value\":%s}"
			.formatted(today(), value))).hasStatus(HttpStatus.CREATED);
	}
}
