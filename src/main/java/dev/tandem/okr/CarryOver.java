package dev.tandem.okr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.tandem.okr.OkrReader.Scope;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.InvalidInputException;

/**
 * Carries an unfinished objective into a later cycle: a new objective with a link to its past,
 * the same team, owner, level, commitment, state and guardrails, and the key results still open
 * — each metric starting from its last value, each open milestone again. Finished key results
 * (a metric at or past its target, a milestone done) stay behind: carrying them would hand out
 * a free 1.0. Alignment is kept where the parent's cycle still encloses the new one.
 */
@Component
class CarryOver {

	private final ObjectiveRepository objectives;
	private final KeyResultRepository keyResults;
	private final CycleRepository cycles;
	private final OkrReader reader;
	private final OkrViews views;
	private final OkrHistory history;
	private final ImprovingMarks marks;
	private final ApplicationEventPublisher events;

	CarryOver(ObjectiveRepository objectives, KeyResultRepository keyResults, CycleRepository cycles, OkrReader reader,
			OkrViews views, OkrHistory history, ImprovingMarks marks, ApplicationEventPublisher events) {
		this.objectives = objectives;
		this.keyResults = keyResults;
		this.cycles = cycles;
		this.reader = reader;
		this.views = views;
		this.history = history;
		this.marks = marks;
		this.events = events;
	}

	/** The target cycle, checked: a later, open cycle that this objective was not carried into before. */
	Cycle target(Objective source, Cycle from, long cycleId) {
		var target = cycles.findById(cycleId)
			.orElseThrow(() -> new InvalidInputException("cycle", "no cycle " + cycleId + " exists"));
		if (target.id().equals(from.id())) {
			throw new InvalidInputException("cycle", "is the objective's own cycle; carry it into a later one");
		}
		if (!target.startDate().isAfter(from.startDate())) {
			throw new InvalidInputException("cycle", Quoted.of(target.name()) + " does not start after " + Quoted.of(from.name())
					+ " (" + from.startDate() + "); carry objectives forward in time");
		}
		target.requireOpen();
		var earlier = reader.carriedInto(source.id()).stream()
			.map(objectives::findById).flatMap(java.util.Optional::stream)
			.filter(o -> o.cycleId().equals(target.id())).findFirst();
		if (earlier.isPresent()) {
			throw new ConflictException("The objective " + Quoted.of(source.title()) + " was already carried over into "
					+ Quoted.of(target.name()) + "; change its copy there instead.");
		}
		return target;
	}

	Objective carry(Objective source, Cycle from, Cycle target) {
		var now = views.now();
		var parentId = source.parentId() != null && enclosesTarget(source.parentId(), target) ? source.parentId() : null;
		var contributions = source.contributions().stream()
			.filter(c -> enclosesTarget(c.contributesToId(), target))
			.collect(Collectors.toSet());
		var carried = objectives.save(new Objective(null, target.id(), source.teamId(), source.ownerId(), source.owner(),
				source.title(), source.description(), source.level(), source.commitment(), source.state(), parentId,
				source.id(), null, contributions, new HashSet<>(source.guardrails()), null, now, now));
		var linked = new ArrayList<KeyResult>();
		int order = 0;
		var snapshot = reader.load(Scope.objective(source.id()));
		var health = views.health(snapshot.keyResultsOf(source.id()).stream().map(OkrReader.KeyResultRow::kpiKey)
			.filter(Objects::nonNull).collect(Collectors.toSet()));
		for (var kr : snapshot.keyResultsOf(source.id())) {
			var kpi = kr.kpiKey() == null ? null : health.get(kr.kpiKey());
			// the live value (KPI, else last check-in), not the frozen grade: the new cycle starts from today
			var last = KeyResultEvaluation.of(kr, kpi == null ? null : kpi.value(), from.window(views.zone()), false,
					source.commitment(), now);
			if (finished(kr, last)) {
				continue;
			}
			var baseline = kr.type() == KeyResultType.METRIC ? last.current() : null;
			var copy = keyResults.save(new KeyResult(null, carried.id(), kr.title(), kr.type(), kr.ownerId(), kr.owner(),
					kr.weight(), baseline, kr.target(), kr.unit(), kr.kpiKey(), ++order, null, now, now));
			history.record(carried.id(), copy.id(), now, "created", null, copy.title());
			if (copy.kpiKey() != null) {
				linked.add(copy);
			}
		}
		history.record(carried.id(), null, now, "carriedFrom", null, source.id() + " (" + from.name() + ")");
		history.record(source.id(), null, now, "carriedInto", null, carried.id() + " (" + target.name() + ")");
		if (carried.active()) {
			events.publishEvent(new ObjectiveActivated(carried.id(), carried.cycleId(), carried.teamId()));
		}
		linked.forEach(kr -> events.publishEvent(new KeyResultLinked(kr.id(), carried.id(), kr.kpiKey())));
		marks.sync(linked.stream().map(KeyResult::kpiKey).toList());
		return carried;
	}

	private static boolean finished(OkrReader.KeyResultRow kr, KeyResultEvaluation last) {
		if (kr.type() == KeyResultType.MILESTONE) {
			return kr.done();
		}
		return last.current() == null || last.progress() == null || last.progress() >= 1
				|| last.current().equals(kr.target());
	}

	private boolean enclosesTarget(long objectiveId, Cycle target) {
		return objectives.findById(objectiveId)
			.flatMap(o -> cycles.findById(o.cycleId()))
			.map(target::within)
			.orElse(false);
	}
}
