package dev.tandem.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.kpi.Direction;
import dev.tandem.kpi.HealthStatus;
import dev.tandem.loop.CoachRules.KeyResult;
import dev.tandem.loop.CoachRules.Objective;

/** Each coach rule fires on its trap, stays quiet on its near miss, and follows the configured limits. */
class CoachRulesTests {

	static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	static final CoachSettings SETTINGS = CoachSettings.DEFAULTS;

	static KeyResult metric(String title, Double baseline, Double target) {
		return new KeyResult(1L, title, false, "ana", baseline, target, null, false, NOW);
	}

	static Objective objective(String title, int guardrails, List<KeyResult> keyResults) {
		return new Objective(1L, title, "team", "ana", true, guardrails, keyResults);
	}

	static List<CoachRule> rules(List<CoachFinding> findings) {
		return findings.stream().map(CoachFinding::rule).toList();
	}

	@Test
	void aGoodObjectiveHasNoFindings() {
		var good = objective("Patients register without friction", 1,
				List.of(metric("Increase registration uptime from 50 % to 99 %", 50.0, 99.0)));
		assertThat(CoachRules.objective(good, true, NOW, SETTINGS)).isEmpty();
	}

	@Test
	void tooManyKeyResultsFollowsTheLimit() {
		var six = new ArrayList<KeyResult>();
		for (int i = 0; i < 6; i++) {
			six.add(metric("Raise signal " + (char) ('a' + i), 1.0, 2.0));
		}
		assertThat(rules(CoachRules.objective(objective("Be loved", 1, six), false, NOW, SETTINGS)))
			.containsOnlyOnce(CoachRule.TOO_MANY_KEY_RESULTS);
		assertThat(rules(CoachRules.objective(objective("Be loved", 1, six.subList(0, 5)), false, NOW, SETTINGS)))
			.doesNotContain(CoachRule.TOO_MANY_KEY_RESULTS);
		var relaxed = new CoachSettings(3, 6, 7, 5, 14, 0.95, 3, 7);
		assertThat(rules(CoachRules.objective(objective("Be loved", 1, six), false, NOW, relaxed)))
			.doesNotContain(CoachRule.TOO_MANY_KEY_RESULTS);
	}

	@Test
	void businessAsUsualIsATargetWithinAFewPercentOrAMaintainedLevel() {
		assertThat(CoachRules.businessAsUsual(metric("Revenue", 100.0, 105.0), SETTINGS)).isTrue();
		assertThat(CoachRules.businessAsUsual(metric("Revenue", 100.0, 106.0), SETTINGS)).isFalse();
		assertThat(CoachRules.businessAsUsual(metric("Churn", 2.0, 1.95), SETTINGS)).isTrue();
		assertThat(CoachRules.businessAsUsual(metric("From zero", 0.0, 0.01), SETTINGS)).as("no base to compare").isFalse();
		assertThat(rules(CoachRules.keyResult(metric("Maintain CSAT at 4.5", 4.5, 4.8), false, NOW, SETTINGS)))
			.contains(CoachRule.BUSINESS_AS_USUAL);
	}

	@Test
	void tasksAreMilestonesOrActivityWording() {
		assertThat(rules(CoachRules.keyResult(metric("Launch the partner portal", 0.0, 1.0), false, NOW, SETTINGS)))
			.contains(CoachRule.TASK_NOT_OUTCOME);
		var milestone = new KeyResult(2L, "Partner portal live", true, "ana", null, null, null, false, NOW);
		assertThat(rules(CoachRules.keyResult(milestone, false, NOW, SETTINGS))).containsExactly(CoachRule.TASK_NOT_OUTCOME);
		assertThat(rules(CoachRules.keyResult(metric("Partners referring customers", 3.0, 12.0), false, NOW, SETTINGS)))
			.isEmpty();
	}

	@Test
	void anObjectiveCarryingANumberButNotAQuarterOrAYear() {
		assertThat(rules(CoachRules.objective(objective("Grow revenue by 20%", 1, List.of()), false, NOW, SETTINGS)))
			.contains(CoachRule.NUMERIC_OBJECTIVE);
		assertThat(rules(CoachRules.objective(objective("Win Q4 2026 in the north", 1, List.of()), false, NOW, SETTINGS)))
			.doesNotContain(CoachRule.NUMERIC_OBJECTIVE);
	}

	@Test
	void missingOwnerBaselineOrTarget() {
		var ownerless = new Objective(1L, "Be loved", "team", " ", true, 1,
				List.of(new KeyResult(1L, "Referrals", false, null, null, 5.0, null, false, NOW),
						new KeyResult(2L, "Reviews", false, "ana", 3.0, null, null, false, NOW),
						new KeyResult(3L, "Linked", false, "ana", null, null, "uptime", false, NOW)));
		var findings = CoachRules.objective(ownerless, false, NOW, SETTINGS);
		assertThat(findings.stream().filter(f -> f.rule() == CoachRule.MISSING_OWNER)).hasSize(2);
		assertThat(findings.stream().filter(f -> f.rule() == CoachRule.MISSING_BASELINE).map(CoachFinding::message))
			.containsExactlyInAnyOrder("No baseline: measure where you start, or progress means nothing.",
					"No target: say the level that would count as success.");
	}

	@Test
	void setAndForgetAfterFourteenQuietDaysOfARunningObjective() {
		var quiet = new KeyResult(1L, "Referrals", false, "ana", 1.0, 5.0, null, false, NOW.minus(Duration.ofDays(14)));
		var recent = new KeyResult(2L, "Reviews", false, "ana", 1.0, 5.0, null, false, NOW.minus(Duration.ofDays(13)));
		assertThat(rules(CoachRules.keyResult(quiet, true, NOW, SETTINGS))).containsExactly(CoachRule.SET_AND_FORGET);
		assertThat(rules(CoachRules.keyResult(recent, true, NOW, SETTINGS))).isEmpty();
		assertThat(rules(CoachRules.keyResult(quiet, false, NOW, SETTINGS))).as("cycle not running").isEmpty();
	}

	@Test
	void growthWithoutAGuardrail() {
		var growth = List.of(metric("Sign-ups per week", 100.0, 200.0));
		assertThat(rules(CoachRules.objective(objective("Be everywhere", 0, growth), false, NOW, SETTINGS)))
			.containsExactly(CoachRule.NO_GUARDRAIL);
		var decrease = List.of(new KeyResult(1L, "Churn", false, "ana", 5.0, 2.0, null, true, NOW));
		assertThat(rules(CoachRules.objective(objective("Keep them", 0, decrease), false, NOW, SETTINGS))).isEmpty();
	}

	@Test
	void teamRulesGoalOverloadTooManyKpisAndSandbagging() {
		assertThat(rules(CoachRules.team("sales", 4, 8, List.of(0.96, 1.0, 0.97), SETTINGS)))
			.containsExactly(CoachRule.GOAL_OVERLOAD, CoachRule.TOO_MANY_KPIS, CoachRule.SANDBAGGING);
		assertThat(rules(CoachRules.team("sales", 3, 7, List.of(0.96, 1.0, 0.7), SETTINGS))).isEmpty();
		assertThat(rules(CoachRules.team("sales", 3, 7, List.of(1.0, 1.0), SETTINGS))).as("two cycles are not a habit")
			.isEmpty();
	}

	@Test
	void kpiRulesIncompleteAndStale() {
		var stale = LoopKpis.threshold("s", Direction.HIGHER_IS_BETTER, 1, 0, HealthStatus.STALE, 1.0, 0);
		assertThat(rules(CoachRules.kpi(stale))).containsExactly(CoachRule.KPI_STALE);
		var fresh = LoopKpis.threshold("f", Direction.HIGHER_IS_BETTER, 1, 0, HealthStatus.GREEN, 1.0, 0);
		assertThat(CoachRules.kpi(fresh)).isEmpty();
		var noFormula = new dev.tandem.kpi.KpiView(2, "n", "No formula", null, "team", "ana", fresh.unit(), null, null, null, null,
				fresh.source(), fresh.frequency(), fresh.aggregation(), null, fresh.indicator(), List.of(), fresh.shape(),
				fresh.direction(), 1.0, 0.0, null, null, null, null, null, null, List.of(), 0, NOW, NOW, fresh.health());
		assertThat(rules(CoachRules.kpi(noFormula))).containsExactly(CoachRule.KPI_INCOMPLETE);
	}

	@Test
	void everyRuleHasAStableIdTheApiDocuments() {
		assertThat(CoachRule.values()).extracting(Enum::name).contains("GOAL_OVERLOAD", "TOO_MANY_KEY_RESULTS",
				"TOO_MANY_KPIS", "BUSINESS_AS_USUAL", "TASK_NOT_OUTCOME", "NUMERIC_OBJECTIVE", "MISSING_OWNER",
				"MISSING_BASELINE", "SET_AND_FORGET", "SANDBAGGING", "KPI_INCOMPLETE", "KPI_STALE", "NO_GUARDRAIL");
	}
}
