package dev.tandem.loop;

import static dev.tandem.kpi.Direction.HIGHER_IS_BETTER;
import static dev.tandem.kpi.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.Mode;
import dev.tandem.kpi.Shape;
import dev.tandem.loop.GuardrailRules.Action;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;

/** The loop's decisions as plain rules: proposals, dismissals, graduation, guardrails and cycle choice. */
class LoopRulesTests {

	@Nested
	class Proposing {

		@Test
		void aRedKpiIsProposedAndAWorseningOneAfterThreePeriods() {
			var red = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 50.0, 0);
			assertThat(ProposalRules.reason(red.health())).contains(ProposalReason.RED);
			var worsening2 = LoopKpis.threshold("b", HIGHER_IS_BETTER, 99, 97, HealthStatus.AMBER, 98.0, 2);
			assertThat(ProposalRules.reason(worsening2.health())).isEmpty();
			var worsening3 = LoopKpis.threshold("c", HIGHER_IS_BETTER, 99, 97, HealthStatus.GREEN, 99.5, 3);
			assertThat(ProposalRules.reason(worsening3.health())).contains(ProposalReason.WORSENING);
		}

		@Test
		void nothingIsProposedForAKpiAlreadyBeingImprovedOrWithoutData() {
			var improving = LoopKpis.kpi("a", Shape.THRESHOLD, HIGHER_IS_BETTER, 99.0, 97.0, null, null, HealthStatus.RED,
					50.0, 0, Mode.IMPROVING);
			assertThat(ProposalRules.reason(improving.health())).isEmpty();
			var stale = LoopKpis.threshold("b", HIGHER_IS_BETTER, 99, 97, HealthStatus.STALE, 98.0, 4);
			assertThat(ProposalRules.reason(stale.health())).isEmpty();
		}

		@Test
		void anOpenProposalBlocksASecond() {
			var red = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 50.0, 0);
			assertThat(ProposalRules.propose(red.health(), KpiSituation.of(red, red.health()), true, Optional.empty()))
				.isEmpty();
		}

		@Test
		void aDismissalHoldsUntilRecoveryOrAMarkedlyWorseSituation() {
			var then = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 90.0, 0);
			var dismissal = new ProposalRules.Dismissal(KpiSituation.of(then, then.health()), false);
			var same = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 89.0, 0);
			assertThat(ProposalRules.propose(same.health(), KpiSituation.of(same, same.health()), false,
					Optional.of(dismissal))).isEmpty();
			var worse = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 80.0, 0);
			assertThat(ProposalRules.propose(worse.health(), KpiSituation.of(worse, worse.health()), false,
					Optional.of(dismissal))).contains(ProposalReason.RED);
			var recovered = new ProposalRules.Dismissal(KpiSituation.of(then, then.health()), true);
			assertThat(ProposalRules.propose(same.health(), KpiSituation.of(same, same.health()), false,
					Optional.of(recovered))).contains(ProposalReason.RED);
		}

		@Test
		void escalatingFromAmberToRedIsMarkedlyWorse() {
			var amber = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.AMBER, 98.0, 3);
			var dismissal = new ProposalRules.Dismissal(KpiSituation.of(amber, amber.health()), false);
			var red = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 96.9, 0);
			assertThat(ProposalRules.propose(red.health(), KpiSituation.of(red, red.health()), false,
					Optional.of(dismissal))).contains(ProposalReason.RED);
		}

		@Test
		void distanceIsNormalisedByTheAmberZone() {
			var kpi = LoopKpis.threshold("a", LOWER_IS_BETTER, 10, 20, HealthStatus.RED, 30.0, 0);
			assertThat(KpiSituation.distance(kpi, kpi.health())).isEqualTo(2.0);
			var healthy = LoopKpis.threshold("a", LOWER_IS_BETTER, 10, 20, HealthStatus.GREEN, 5.0, 0);
			assertThat(KpiSituation.distance(healthy, healthy.health())).isZero();
		}
	}

	@Nested
	class Drafting {

		@Test
		void theKeyResultMovesTheKpiFromItsValueToItsTargetAndDriversFollowLeastHealthyFirst() {
			var uptime = LoopKpis.threshold("uptime", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 50.0, 0);
			var drivers = java.util.List.of(
					LoopKpis.threshold("d-green", LOWER_IS_BETTER, 5, 10, HealthStatus.GREEN, 4.0, 0),
					LoopKpis.threshold("d-red", LOWER_IS_BETTER, 5, 10, HealthStatus.RED, 40.0, 0),
					LoopKpis.threshold("d-amber", LOWER_IS_BETTER, 5, 10, HealthStatus.AMBER, 7.0, 0),
					LoopKpis.threshold("d-stale", LOWER_IS_BETTER, 5, 10, HealthStatus.STALE, 6.0, 0));
			var draft = ProposalDraft.of(uptime, ProposalReason.RED, drivers);
			assertThat(draft.keyResults()).hasSize(ProposalDraft.MAX_KEY_RESULTS);
			assertThat(draft.keyResults()).extracting(k -> k.kpi()).containsExactly("uptime", "d-red", "d-amber", "d-stale");
			assertThat(draft.keyResults().get(0).baseline()).isEqualTo(50.0);
			assertThat(draft.keyResults().get(0).target()).isEqualTo(99.0);
			assertThat(draft.keyResults().get(1).title()).startsWith("Reduce");
			assertThat(draft.objective()).doesNotContainPattern("\\d");
		}

		@Test
		void aGreenKpiInDeclineIsAskedBackToItsLevelBeforeTheDeclineNeverBelowItsTarget() {
			var sliding = LoopKpis.threshold("s", LOWER_IS_BETTER, 10, 15, HealthStatus.GREEN, 8.0, 3);
			var draft = ProposalDraft.of(sliding, ProposalReason.WORSENING, java.util.List.of(), java.util.Optional.of(5.0));
			assertThat(draft.objective()).startsWith("Reverse the decline");
			assertThat(draft.keyResults().get(0).baseline()).isEqualTo(8.0);
			assertThat(draft.keyResults().get(0).target()).isEqualTo(5.0);
			assertThat(draft.keyResults().get(0).title()).startsWith("Reduce");
			assertThat(ProposalDraft.of(sliding, ProposalReason.WORSENING, java.util.List.of(), java.util.Optional.empty())
				.keyResults().get(0).target()).as("no history to go back to: its target").isEqualTo(10.0);
			var amber = LoopKpis.threshold("a", LOWER_IS_BETTER, 10, 15, HealthStatus.AMBER, 12.0, 3);
			assertThat(ProposalDraft.of(amber, ProposalReason.WORSENING, java.util.List.of(), java.util.Optional.of(11.0))
				.keyResults().get(0).target()).as("an unhealthy KPI aims for health").isEqualTo(10.0);
		}

		@Test
		void aGreenKpiWorseningThreePeriodsRunningIsProposedAndADismissalOfItHolds() {
			var sliding = LoopKpis.threshold("s", HIGHER_IS_BETTER, 90, 80, HealthStatus.GREEN, 93.0, 3);
			var now = KpiSituation.of(sliding, sliding.health());
			assertThat(ProposalRules.propose(sliding.health(), now, false, java.util.Optional.empty()))
				.contains(ProposalReason.WORSENING);
			assertThat(ProposalRules.propose(sliding.health(), now, false,
					java.util.Optional.of(new ProposalRules.Dismissal(now, false)))).isEmpty();
			assertThat(ProposalRules.propose(sliding.health(), now, false,
					java.util.Optional.of(new ProposalRules.Dismissal(now, true)))).contains(ProposalReason.WORSENING);
		}

		@Test
		void aBandKpiAimsForTheNearerEdge() {
			var band = LoopKpis.band("b", 40, 60, HealthStatus.RED, 75.0);
			assertThat(ProposalDraft.target(band, 75.0)).isEqualTo(60.0);
			assertThat(ProposalDraft.target(band, 20.0)).isEqualTo(40.0);
			assertThat(ProposalDraft.target(band, null)).isEqualTo(50.0);
		}
	}

	@Nested
	class Graduating {

		@Test
		void aThresholdRisesToTheLevelAchievedKeepingItsAmberZone() {
			var kpi = LoopKpis.threshold("a", HIGHER_IS_BETTER, 80, 70, HealthStatus.GREEN, 88.0, 0);
			var raised = GraduationRules.raised(kpi, 88).orElseThrow();
			assertThat(raised.target()).isEqualTo(88.0);
			assertThat(raised.warning()).isEqualTo(78.0);
		}

		@Test
		void lowerIsBetterRisesDownwards() {
			var kpi = LoopKpis.threshold("a", LOWER_IS_BETTER, 10, 15, HealthStatus.GREEN, 7.0, 0);
			var raised = GraduationRules.raised(kpi, 7).orElseThrow();
			assertThat(raised.target()).isEqualTo(7.0);
			assertThat(raised.warning()).isEqualTo(12.0);
		}

		@Test
		void aLevelThatDoesNotBeatTheThresholdLeavesItAndABandIsNeverRaised() {
			var kpi = LoopKpis.threshold("a", HIGHER_IS_BETTER, 99, 97, HealthStatus.RED, 95.0, 0);
			assertThat(GraduationRules.raised(kpi, 95)).isEmpty();
			assertThat(GraduationRules.raised(kpi, 99)).as("exactly on target is no raise").isEmpty();
			assertThat(GraduationRules.raised(LoopKpis.band("b", 1, 2, HealthStatus.GREEN, 1.5), 1.5)).isEmpty();
		}

		@Test
		void aNewKpisWarningSitsOnTheUnhealthySide() {
			assertThat(GraduationRules.warningFor(34, 10.0, false)).isEqualTo(22.0);
			assertThat(GraduationRules.warningFor(2, 6.0, true)).isEqualTo(4.0);
			assertThat(GraduationRules.warningFor(50, 50.0, false)).isLessThan(50);
			assertThat(GraduationRules.warningFor(0, null, true)).isGreaterThan(0);
		}

		@Test
		void keysComeFromTitles() {
			assertThat(Graduations.slug("Partner referrals per month")).isEqualTo("partner-referrals-per-month");
			assertThat(Graduations.slug("Réduire l'attrition à 12 %")).isEqualTo("reduire-l-attrition-a-12");
			assertThat(Graduations.slug("!!!")).isEqualTo("graduated-metric");
			assertThat(Graduations.slug("x".repeat(80))).hasSize(64);
		}
	}

	@Nested
	class Guarding {

		@Test
		void amberOrRedRaisesGreenClearsAndNoDataKeepsAsIs() {
			assertThat(GuardrailRules.decide(false, null, true, HealthStatus.AMBER)).isEqualTo(Action.RAISE);
			assertThat(GuardrailRules.decide(false, null, true, HealthStatus.RED)).isEqualTo(Action.RAISE);
			assertThat(GuardrailRules.decide(true, HealthStatus.AMBER, true, HealthStatus.AMBER)).isEqualTo(Action.NONE);
			assertThat(GuardrailRules.decide(true, HealthStatus.AMBER, true, HealthStatus.RED)).isEqualTo(Action.UPDATE);
			assertThat(GuardrailRules.decide(true, HealthStatus.RED, true, HealthStatus.GREEN)).isEqualTo(Action.CLEAR);
			assertThat(GuardrailRules.decide(true, HealthStatus.RED, true, HealthStatus.STALE)).isEqualTo(Action.NONE);
			assertThat(GuardrailRules.decide(false, null, true, HealthStatus.GREEN)).isEqualTo(Action.NONE);
		}

		@Test
		void anObjectiveThatStoppedClearsItsAlerts() {
			assertThat(GuardrailRules.decide(true, HealthStatus.RED, false, HealthStatus.RED)).isEqualTo(Action.CLEAR);
			assertThat(GuardrailRules.decide(false, null, false, HealthStatus.RED)).isEqualTo(Action.NONE);
			assertThat(GuardrailRules.worse(HealthStatus.AMBER, HealthStatus.RED)).isEqualTo(HealthStatus.RED);
			assertThat(GuardrailRules.worse(HealthStatus.AMBER, HealthStatus.AMBER)).isEqualTo(HealthStatus.AMBER);
		}
	}

	@Nested
	class ChoosingACycle {

		final LocalDate today = LocalDate.of(2026, 11, 23);

		CycleView cycle(long id, LocalDate start, LocalDate end) {
			return new CycleView(id, "c" + id, start, end, CycleStatus.ACTIVE, false, 0.5, null, null, 0, Instant.EPOCH);
		}

		@Test
		void theCurrentCycleWhileThreeWeeksRemainThenTheNext() {
			var current = Optional.of(cycle(1, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
			var next = Optional.of(cycle(2, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
			assertThat(CycleChoice.choose(current, next, today)).map(CycleView::id).contains(1L);
			assertThat(CycleChoice.choose(current, next, LocalDate.of(2026, 12, 12))).map(CycleView::id).contains(2L);
			assertThat(CycleChoice.choose(current, next, LocalDate.of(2026, 12, 11))).map(CycleView::id).contains(1L);
		}

		@Test
		void withoutANextCycleTheCurrentOneAndWithoutAnyNone() {
			var current = Optional.of(cycle(1, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1)));
			assertThat(CycleChoice.choose(current, Optional.empty(), today)).map(CycleView::id).contains(1L);
			assertThat(CycleChoice.choose(Optional.empty(), Optional.empty(), today)).isEmpty();
		}
	}
}
