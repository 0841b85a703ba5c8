package dev.tandem.okr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.KpiHealth;
import dev.tandem.okr.OkrReader.KeyResultRow;
import dev.tandem.okr.OkrReader.ObjectiveRow;
import dev.tandem.okr.OkrReader.Snapshot;
import dev.tandem.org.Organisation;
import dev.tandem.org.TeamView;

/**
 * Turns what {@link OkrReader} read into views, scored and judged at the clock's now. Everything
 * it needs beyond the snapshot — teams, cycles, KPI health — is read once per call, so building
 * the views of a whole cycle costs a fixed number of statements.
 */
@Component
class OkrViews {

	private final Organisation organisation;
	private final CycleRepository cycles;
	private final KpiLookup kpis;
	private final Clock clock;
	private final ZoneId zone;

	OkrViews(Organisation organisation, CycleRepository cycles, KpiLookup kpis, Clock clock, ZoneId zone) {
		this.organisation = organisation;
		this.cycles = cycles;
		this.kpis = kpis;
		this.clock = clock;
		this.zone = zone;
	}

	List<ObjectiveView> objectives(Snapshot snapshot) {
		if (snapshot.objectives().isEmpty()) {
			return List.of();
		}
		var cycleIndex = cycles.findAll().stream().collect(Collectors.toMap(Cycle::id, Function.identity()));
		var teams = organisation.teamIndex();
		var health = kpis.health(kpiKeys(snapshot));
		var now = clock.instant();
		// one window per cycle, not one per key result: a cycle overview has tens of thousands
		var windows = new HashMap<Long, StatusRules.Window>();
		return snapshot.objectives().stream()
			.map(o -> {
				var cycle = cycleIndex.get(o.cycleId());
				var window = windows.computeIfAbsent(cycle.id(), id -> cycle.window(zone));
				return objective(o, snapshot, cycle, window, teams, health, now);
			})
			.toList();
	}

	CycleView cycle(Cycle cycle) {
		var now = clock.instant();
		var window = cycle.window(zone);
		return new CycleView(cycle.id(), cycle.name(), cycle.startDate(), cycle.endDate(), cycle.status(today()),
				window.ended(now), Scoring.round(window.elapsed(now)), cycle.closedAt(), cycle.closedBy(),
				cycle.version(), cycle.createdAt());
	}

	KeyResultView keyResult(KeyResultRow kr, Cycle cycle, Commitment commitment, KpiHealth health, Instant now) {
		return keyResult(kr, cycle, cycle.window(zone), commitment, health, now);
	}

	private KeyResultView keyResult(KeyResultRow kr, Cycle cycle, StatusRules.Window window, Commitment commitment,
			KpiHealth health, Instant now) {
		var kpiValue = health == null ? null : health.value();
		var evaluation = KeyResultEvaluation.of(kr, kpiValue, window, cycle.closed(), commitment, now);
		var direction = kr.type() == KeyResultType.MILESTONE || kr.baseline() == null || kr.target() == null ? null
				: kr.target() > kr.baseline() ? MetricDirection.INCREASE : MetricDirection.DECREASE;
		return new KeyResultView(kr.id(), kr.objectiveId(), kr.title(), kr.type(), kr.owner(), kr.weight(),
				kr.baseline(), kr.target(), kr.unit(), kr.kpiKey(), direction, evaluation.current(),
				evaluation.source(), evaluation.progress(), evaluation.score(), Scoring.colour(evaluation.score()),
				evaluation.status(), kr.type() == KeyResultType.MILESTONE ? kr.done() : null, kr.lastConfidence(),
				kr.lastCheckInAt(), kr.checkIns(), null, cycle.closed(), kr.version(), kr.createdAt(), kr.updatedAt());
	}

	String kpiName(String key) {
		return kpis.name(key);
	}

	Map<String, KpiHealth> health(Set<String> keys) {
		return kpis.health(keys);
	}

	Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	ZoneId zone() {
		return zone;
	}

	private ObjectiveView objective(ObjectiveRow o, Snapshot snapshot, Cycle cycle, StatusRules.Window window,
			Map<Long, TeamView> teams, Map<String, KpiHealth> health, Instant now) {
		var keyResults = snapshot.keyResultsOf(o.id()).stream()
			.map(kr -> keyResult(kr, cycle, window, o.commitment(), kr.kpiKey() == null ? null : health.get(kr.kpiKey()),
					now))
			.toList();
		var weighted = keyResults.stream().map(k -> new Scoring.Weighted(k.weight(), k.score())).toList();
		Double score = cycle.closed() && o.finalScore() != null ? o.finalScore() : Scoring.objectiveScore(weighted);
		// an objective with nothing to measure has made no measurable progress
		var status = StatusRules.status(window, cycle.closed(), o.commitment(), score == null ? 0 : score, now);
		var expected = status == OkrStatus.CLOSED || status == OkrStatus.NOT_STARTED ? null
				: StatusRules.expected(window, o.commitment(), now);
		var confidence = keyResults.stream().map(KeyResultView::confidence).filter(Objects::nonNull)
			.min(Integer::compare).orElse(null);
		var guardrails = new ArrayList<GuardrailView>();
		for (var key : snapshot.guardrails().getOrDefault(o.id(), List.of())) {
			guardrails.add(guardrail(key, health.get(key), o.state() == ObjectiveState.ACTIVE && !cycle.closed()));
		}
		var team = teams.get(o.teamId());
		return new ObjectiveView(o.id(), o.cycleId(), cycle.name(), o.teamId(), team == null ? null : team.key(),
				o.owner(), o.title(), o.description(), o.level(), o.parentId(),
				snapshot.contributions().getOrDefault(o.id(), List.of()), o.commitment(), o.state(), score,
				Scoring.colour(score), status, expected, confidence, keyResults, guardrails, o.carriedFromId(), null,
				o.retrospective(), cycle.closed(), o.version(), o.createdAt(), o.updatedAt());
	}

	static GuardrailView guardrail(String key, KpiHealth health, boolean pursued) {
		if (health == null) {
			return new GuardrailView(key, null, null, null, false, "This KPI no longer exists.");
		}
		boolean alert = pursued && health.status().isUnhealthy();
		return new GuardrailView(key, health.status(), health.value(), health.trend(), alert, null);
	}

	private static Set<String> kpiKeys(Snapshot snapshot) {
		var keys = new HashSet<String>();
		snapshot.keyResults().values().forEach(list -> list.stream().map(KeyResultRow::kpiKey)
			.filter(Objects::nonNull).forEach(keys::add));
		snapshot.guardrails().values().forEach(keys::addAll);
		return keys;
	}
}
