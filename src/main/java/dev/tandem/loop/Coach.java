package dev.tandem.loop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.CycleStatus;
import dev.tandem.okr.CycleView;
import dev.tandem.okr.Cycles;
import dev.tandem.okr.KeyResultType;
import dev.tandem.okr.MetricDirection;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;
import dev.tandem.okr.Objectives;
import dev.tandem.okr.Okrs;

/**
 * The coach, on demand: every finding for a cycle (the current one unless named), narrowed to a
 * team or one objective, plus the KPI checks; and the same checks on a draft being written.
 */
@Service
@Transactional(readOnly = true)
public class Coach {

	static final int ALL = 10_000;

	private final Objectives objectives;
	private final Cycles cycles;
	private final Okrs okrs;
	private final Kpis kpis;
	private final CoachSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	Coach(Objectives objectives, Cycles cycles, Okrs okrs, Kpis kpis, CoachSettings settings, Clock clock, ZoneId zone) {
		this.objectives = objectives;
		this.cycles = cycles;
		this.okrs = okrs;
		this.kpis = kpis;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	public List<CoachFinding> findings(Long cycleId, String team, Long objectiveId) {
		var now = clock.instant();
		if (objectiveId != null) {
			var objective = okrs.objective(objectiveId);
			return sorted(CoachRules.objective(input(objective, cycles.get(objective.cycle())),
					running(cycles.get(objective.cycle())), now, settings));
		}
		var findings = new ArrayList<CoachFinding>();
		Optional<CycleView> cycle = cycleId != null ? Optional.of(cycles.get(cycleId)) : okrs.currentCycle();
		var allKpis = kpis.list(team);
		var kpisPerTeam = allKpis.stream().collect(Collectors.groupingBy(KpiView::team, Collectors.counting()));
		var objectivesPerTeam = new HashMap<String, Integer>();
		if (cycle.isPresent()) {
			boolean running = running(cycle.get());
			for (var objective : objectives.list(cycle.get().id(), team, ALL, 0)) {
				objectivesPerTeam.merge(objective.team(), 1, Integer::sum);
				findings.addAll(CoachRules.objective(input(objective, cycle.get()), running, now, settings));
			}
		}
		var scores = recentScores(team);
		var teams = new java.util.TreeSet<String>(kpisPerTeam.keySet());
		teams.addAll(objectivesPerTeam.keySet());
		teams.addAll(scores.keySet());
		for (var t : teams) {
			findings.addAll(CoachRules.team(t, objectivesPerTeam.getOrDefault(t, 0),
					kpisPerTeam.getOrDefault(t, 0L).intValue(), scores.getOrDefault(t, List.of()), settings));
		}
		allKpis.forEach(kpi -> findings.addAll(CoachRules.kpi(kpi)));
		return sorted(findings);
	}

	/** The checks on an objective being written; nothing is read or saved but the draft itself. */
	public List<CoachFinding> check(CoachDraft draft) {
		return sorted(CoachRules.objective(draft.objective(), false, clock.instant(), settings));
	}

	/** Each team's mean objective score in its most recent closed cycles, the latest first. */
	private Map<String, List<Double>> recentScores(String team) {
		var closed = cycles.list().stream()
			.filter(c -> c.status() == CycleStatus.CLOSED)
			.sorted(Comparator.comparing(CycleView::end).reversed())
			.limit(settings.sandbaggingCycles() + 2L)
			.toList();
		var scores = new HashMap<String, List<Double>>();
		for (var cycle : closed) {
			objectives.list(cycle.id(), team, ALL, 0).stream()
				.filter(o -> o.score() != null)
				.collect(Collectors.groupingBy(ObjectiveView::team, Collectors.averagingDouble(ObjectiveView::score)))
				.forEach((t, mean) -> scores.computeIfAbsent(t, x -> new ArrayList<>()).add(mean));
		}
		return scores;
	}

	private boolean running(CycleView cycle) {
		return cycle.status() == CycleStatus.ACTIVE && !cycle.ended();
	}

	private CoachRules.Objective input(ObjectiveView o, CycleView cycle) {
		Instant cycleStart = cycle.start().atStartOfDay(zone).toInstant();
		var keyResults = o.keyResults().stream()
			.map(k -> new CoachRules.KeyResult(k.id(), k.title(), k.type() == KeyResultType.MILESTONE, k.owner(),
					k.baseline(), k.target(), k.kpi(), k.direction() == MetricDirection.DECREASE,
					k.lastCheckInAt() != null ? k.lastCheckInAt() : later(k.createdAt(), cycleStart)))
			.toList();
		return new CoachRules.Objective(o.id(), o.title(), o.team(), o.owner(), o.state() == ObjectiveState.ACTIVE,
				o.guardrails() == null ? 0 : o.guardrails().size(), keyResults);
	}

	private static Instant later(Instant a, Instant b) {
		return a == null ? b : a.isAfter(b) ? a : b;
	}

	private static List<CoachFinding> sorted(List<CoachFinding> findings) {
		return findings.stream()
			.sorted(Comparator.comparing((CoachFinding f) -> f.severity() == CoachFinding.Severity.WARNING ? 0 : 1)
				.thenComparing(CoachFinding::rule))
			.toList();
	}
}
