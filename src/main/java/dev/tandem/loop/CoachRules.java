package dev.tandem.loop;

import static dev.tandem.loop.CoachFinding.Severity.INFO;
import static dev.tandem.loop.CoachFinding.Severity.WARNING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;

/**
 * The coach's checks, plain and side-effect free: each looks at an objective, a team's cycle,
 * or a KPI, and says in one line what to do. Inputs are the loop's own small records so that
 * a draft typed into a form is checked exactly as a saved objective is.
 */
final class CoachRules {

	/** The words a task starts with: doing something is not evidence that something changed. */
	static final Set<String> ACTIVITY_VERBS = Set.of("launch", "send", "ship", "hold", "implement", "build", "create",
			"write", "deliver", "run", "organise", "organize", "complete", "finish", "publish", "introduce", "roll",
			"migrate", "hire", "train", "conduct", "host", "release", "develop", "design", "prepare", "draft", "set",
			"install", "attend", "do", "start");

	static final Pattern MAINTAIN = Pattern.compile("^(maintain|keep|stay|remain|sustain|preserve|hold steady)\\b");

	/** A number in an objective, leaving quarters and years ("Q4", "2026") alone: they name time, not a goal. */
	static final Pattern NUMBER = Pattern.compile("\\d");

	static final Pattern TIME_WORDS = Pattern.compile("(?i)\\b(q[1-4]|h[12]|(19|20)\\d{2}|fy\\d{2,4})\\b");

	private CoachRules() {
	}

	record Objective(Long id, String title, String team, String owner, boolean active, int guardrails,
			List<KeyResult> keyResults) {
	}

	record KeyResult(Long id, String title, boolean milestone, String owner, Double baseline, Double target,
			String kpi, boolean decrease, Instant lastActivity) {
	}

	static List<CoachFinding> objective(Objective o, boolean cycleRunning, Instant now, CoachSettings settings) {
		var findings = new ArrayList<CoachFinding>();
		var subject = "Objective “" + o.title() + "”";
		var id = o.id() == null ? null : String.valueOf(o.id());
		if (o.keyResults().size() > settings.maxKeyResults()) {
			findings.add(new CoachFinding(CoachRule.TOO_MANY_KEY_RESULTS, WARNING, subject, "objective", id,
					o.keyResults().size() + " key results: keep the " + settings.maxKeyResults()
							+ " that best prove the objective, and drop or move the rest."));
		}
		if (NUMBER.matcher(TIME_WORDS.matcher(o.title()).replaceAll("")).find()) {
			findings.add(new CoachFinding(CoachRule.NUMERIC_OBJECTIVE, INFO, subject, "objective", id,
					"The objective carries a number: word it as a direction that inspires, and put the number in a key result."));
		}
		if (blank(o.owner())) {
			findings.add(new CoachFinding(CoachRule.MISSING_OWNER, WARNING, subject, "objective", id,
					"No one owns this objective: name an owner who answers for it."));
		}
		boolean grows = o.keyResults().stream().anyMatch(k -> !k.milestone() && !k.decrease());
		if (grows && o.guardrails() == 0) {
			findings.add(new CoachFinding(CoachRule.NO_GUARDRAIL, INFO, subject, "objective", id,
					"A growth key result can be gamed: add a guardrail KPI for the quality it must not cost."));
		}
		for (var k : o.keyResults()) {
			findings.addAll(keyResult(k, o.active() && cycleRunning, now, settings));
		}
		return findings;
	}

	static List<CoachFinding> keyResult(KeyResult k, boolean running, Instant now, CoachSettings settings) {
		var findings = new ArrayList<CoachFinding>();
		var subject = "Key result “" + k.title() + "”";
		var id = k.id() == null ? null : String.valueOf(k.id());
		var title = k.title().strip().toLowerCase(Locale.ROOT);
		var firstWord = title.split("\\W+", 2)[0];
		if (k.milestone() || ACTIVITY_VERBS.contains(firstWord)) {
			findings.add(new CoachFinding(CoachRule.TASK_NOT_OUTCOME, INFO, subject, "keyResult", id,
					"This reads as a task: say what will be different once it is done, as a number that moves."));
		}
		if (MAINTAIN.matcher(title).find() || businessAsUsual(k, settings)) {
			findings.add(new CoachFinding(CoachRule.BUSINESS_AS_USUAL, WARNING, subject, "keyResult", id,
					"This keeps a level rather than changing it: watch it as a KPI, or set a target that needs a real change."));
		}
		if (blank(k.owner())) {
			findings.add(new CoachFinding(CoachRule.MISSING_OWNER, WARNING, subject, "keyResult", id,
					"No one owns this key result: name the person who checks in on it."));
		}
		if (!k.milestone() && k.kpi() == null && (k.baseline() == null || k.target() == null)) {
			findings.add(new CoachFinding(CoachRule.MISSING_BASELINE, WARNING, subject, "keyResult", id,
					k.baseline() == null ? "No baseline: measure where you start, or progress means nothing."
							: "No target: say the level that would count as success."));
		}
		if (running && k.lastActivity() != null
				&& Duration.between(k.lastActivity(), now).toDays() >= settings.setAndForgetDays()) {
			findings.add(new CoachFinding(CoachRule.SET_AND_FORGET, WARNING, subject, "keyResult", id,
					"No check-in for " + Duration.between(k.lastActivity(), now).toDays()
							+ " days: check in with a value and a confidence, even when little moved."));
		}
		return findings;
	}

	static boolean businessAsUsual(KeyResult k, CoachSettings settings) {
		if (k.milestone() || k.baseline() == null || k.target() == null || k.baseline() == 0) {
			return false;
		}
		return Math.abs(k.target() - k.baseline()) <= Math.abs(k.baseline()) * settings.businessAsUsualPercent() / 100;
	}

	static List<CoachFinding> team(String team, int objectives, int kpis, List<Double> recentScores,
			CoachSettings settings) {
		var findings = new ArrayList<CoachFinding>();
		var subject = "Team " + team;
		if (objectives > settings.maxObjectivesPerTeam()) {
			findings.add(new CoachFinding(CoachRule.GOAL_OVERLOAD, WARNING, subject, "team", team, objectives
					+ " objectives this cycle: focus on the " + settings.maxObjectivesPerTeam() + " that matter most."));
		}
		if (kpis > settings.maxKpisPerTeam()) {
			findings.add(new CoachFinding(CoachRule.TOO_MANY_KPIS, INFO, subject, "team", team, kpis
					+ " KPIs: keep the handful that tell whether the team is healthy, and retire the rest."));
		}
		if (recentScores.size() >= settings.sandbaggingCycles()
				&& recentScores.stream().limit(settings.sandbaggingCycles()).allMatch(s -> s >= settings.sandbaggingScore())) {
			findings.add(new CoachFinding(CoachRule.SANDBAGGING, WARNING, subject, "team", team,
					"Scored " + settings.sandbaggingScore() + " or more " + settings.sandbaggingCycles()
							+ " cycles running: set targets you are not sure to reach."));
		}
		return findings;
	}

	static List<CoachFinding> kpi(KpiView kpi) {
		var findings = new ArrayList<CoachFinding>();
		var subject = "KPI “" + kpi.name() + "”";
		if (blank(kpi.formula()) || blank(kpi.owner())) {
			findings.add(new CoachFinding(CoachRule.KPI_INCOMPLETE, INFO, subject, "kpi", kpi.key(),
					blank(kpi.owner()) ? "No owner: name the person who keeps this KPI's data fresh."
							: "No formula: write down how the number is calculated, so everyone reads it the same way."));
		}
		if (kpi.health() != null && kpi.health().status() == HealthStatus.STALE) {
			findings.add(new CoachFinding(CoachRule.KPI_STALE, WARNING, subject, "kpi", kpi.key(),
					"No fresh data for a " + kpi.frequency().name().toLowerCase(Locale.ROOT)
							+ " KPI: record this period's value, or fix its feed."));
		}
		return findings;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
