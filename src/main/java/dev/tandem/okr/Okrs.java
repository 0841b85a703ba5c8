package dev.tandem.okr;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.okr.OkrReader.Scope;

/**
 * What other modules — above all the loop — ask of OKRs: which objectives are being pursued and
 * which KPIs guard them, which key results follow a KPI, which reached their target, which cycle
 * is current; and a draft objective with KPI-linked key results, for an accepted proposal.
 * Every query reads a fixed number of statements, however many OKRs there are.
 */
@Service
@Transactional(readOnly = true)
public class Okrs {

	private final OkrReader reader;
	private final OkrViews views;
	private final Objectives objectives;
	private final KeyResults keyResults;
	private final CycleRepository cycles;

	Okrs(OkrReader reader, OkrViews views, Objectives objectives, KeyResults keyResults, CycleRepository cycles) {
		this.reader = reader;
		this.views = views;
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.cycles = cycles;
	}

	/** An active objective in an open cycle, with its guardrail KPIs and their health. */
	public record ActiveObjective(long objectiveId, long cycleId, long teamId, String team, String owner, String title,
			OkrStatus status, List<GuardrailView> guardrails) {
	}

	/**
	 * A key result that follows a KPI, in an open cycle: where it stands ({@code current} is the
	 * KPI's latest period value), whether it has reached its target, and whether its objective is
	 * still a draft ({@code state}) — a draft improves nothing yet.
	 */
	public record LinkedKeyResult(long keyResultId, long objectiveId, long cycleId, long teamId, String kpi,
			String title, String owner, Double baseline, Double target, Double current, Double progress, double score,
			ObjectiveState state, boolean reachedTarget) {
	}

	/** A metric key result at or past its target: the evidence for raising a KPI's threshold (graduation). */
	public record ReachedTarget(long keyResultId, long objectiveId, long cycleId, long teamId, String kpi, String title,
			String owner, Double baseline, Double target, Double value, boolean cycleClosed) {
	}

	/** A draft objective for a team in a cycle, with key results that move KPIs (at least one). */
	public record DraftObjective(long cycleId, String team, String owner, String title, String description,
			List<DraftKeyResult> keyResults) {
	}

	/** A key result moving a KPI from a baseline (null: its current value) to a target. */
	public record DraftKeyResult(String title, String kpi, String owner, Double baseline, double target) {
	}

	/** Active objectives of open cycles that have guardrails, each with its guardrails' health. */
	public List<ActiveObjective> activeObjectivesWithGuardrails() {
		return views.objectives(reader.load(Scope.activeWithGuardrails())).stream()
			.map(o -> new ActiveObjective(o.id(), o.cycle(), o.teamId(), o.team(), o.owner(), o.title(), o.status(),
					o.guardrails()))
			.toList();
	}

	/** Key results of open cycles that follow this KPI (drafts included; see {@code state}). */
	public List<LinkedKeyResult> keyResultsLinkedTo(String kpiKey) {
		return linked(Scope.linkedTo(kpiKey)).stream().filter(k -> k.kpi().equals(kpiKey)).toList();
	}

	/** Every key result of an open cycle that follows a KPI. */
	public List<LinkedKeyResult> linkedKeyResults() {
		return linked(Scope.linkedToAny());
	}

	/** Metric key results of open cycles at or past their target, by their live value. */
	public List<ReachedTarget> reachedTargets() {
		return reached(views.objectives(reader.load(Scope.openCycles())));
	}

	/** Metric key results of one cycle at or past their target; for a closed cycle, by their graded value. */
	public List<ReachedTarget> reachedTargets(long cycleId) {
		return reached(views.objectives(reader.load(Scope.cycle(cycleId))));
	}

	/** The open cycle that contains today; of several (a year and its quarter), the shortest. */
	public Optional<CycleView> currentCycle() {
		var today = views.today();
		return cycles.findAll().stream()
			.filter(c -> !c.closed() && !today.isBefore(c.startDate()) && !today.isAfter(c.endDate()))
			.min(Comparator.comparing((Cycle c) -> c.endDate().toEpochDay() - c.startDate().toEpochDay())
				.thenComparing(Cycle::id))
			.map(views::cycle);
	}

	/** The next cycle to start after today, the earliest (and then shortest) first. */
	public Optional<CycleView> nextCycle() {
		var today = views.today();
		return cycles.findAll().stream()
			.filter(c -> !c.closed() && c.startDate().isAfter(today))
			.min(Comparator.comparing(Cycle::startDate).thenComparing(Cycle::endDate).thenComparing(Cycle::id))
			.map(views::cycle);
	}

	/** Creates the draft and its key results in one transaction: all of it, or (on any problem) none. */
	@Transactional
	public ObjectiveView createDraft(DraftObjective draft) {
		if (draft.keyResults() == null || draft.keyResults().isEmpty()) {
			throw new dev.tandem.problem.InvalidInputException("keyResults", "a proposal needs at least one key result");
		}
		var created = objectives.create(new ObjectiveInput(draft.cycleId(), draft.team(), draft.owner(), draft.title(),
				draft.description(), ObjectiveLevel.TEAM, null, List.of(), Commitment.COMMITTED, ObjectiveState.DRAFT,
				null));
		for (var kr : draft.keyResults()) {
			keyResults.create(created.id(), new KeyResultInput(kr.title(), KeyResultType.METRIC,
					kr.owner() == null ? draft.owner() : kr.owner(), null, kr.baseline(), kr.target(), null, kr.kpi(), null));
		}
		return objectives.get(created.id());
	}

	/** Whether the KPI guards an active objective of an open cycle: one count, not every objective read. */
	public boolean guardsActiveObjective(String kpiKey) {
		return reader.guardsActive(kpiKey);
	}

	/** The keys of the KPIs guarding an active objective of an open cycle, in one statement: no objective read. */
	public java.util.Set<String> activeGuardrailKpis() {
		return reader.activeGuardrailKpis();
	}

	/** The titles of the objectives with these ids, by id, in one statement; deleted ones are left out. */
	public Map<Long, String> objectiveTitles(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : reader.titles(ids);
	}

	/** The objectives of open cycles that the person owns or owns a key result of: what they may owe check-ins on. */
	public List<ObjectiveView> objectivesInvolving(String username) {
		return views.objectives(reader.load(Scope.involving(username)));
	}

	public ObjectiveView objective(long id) {
		return objectives.get(id);
	}

	public KeyResultView keyResult(long id) {
		return keyResults.get(id);
	}

	private List<LinkedKeyResult> linked(Scope scope) {
		return views.objectives(reader.load(scope)).stream()
			.flatMap(o -> o.keyResults().stream().filter(k -> k.kpi() != null)
				.map(k -> new LinkedKeyResult(k.id(), o.id(), o.cycle(), o.teamId(), k.kpi(), k.title(), k.owner(),
						k.baseline(), k.target(), k.current(), k.progress(), k.score(), o.state(), k.reachedTarget())))
			.toList();
	}

	private static List<ReachedTarget> reached(List<ObjectiveView> objectives) {
		return objectives.stream()
			.flatMap(o -> o.keyResults().stream().filter(KeyResultView::reachedTarget)
				.map(k -> new ReachedTarget(k.id(), o.id(), o.cycle(), o.teamId(), k.kpi(), k.title(), k.owner(),
						k.baseline(), k.target(), k.current(), o.frozen())))
			.toList();
	}

}
