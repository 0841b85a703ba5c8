package dev.tandem.okr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.tandem.org.AuditableChange;
import dev.tandem.problem.Quoted;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;

/**
 * An objective's guardrails, for {@link Objectives}: the KPIs that must stay healthy while it is
 * pursued, named by key, each once and each existing in the KPI module; replaced as a whole.
 */
@Component
class ObjectiveGuardrails {

	private final ObjectiveRepository objectives;
	private final ObjectiveFields fields;
	private final OkrHistory history;
	private final OkrViews views;
	private final KpiLookup kpis;
	private final ApplicationEventPublisher events;

	ObjectiveGuardrails(ObjectiveRepository objectives, ObjectiveFields fields, OkrHistory history, OkrViews views,
			KpiLookup kpis, ApplicationEventPublisher events) {
		this.objectives = objectives;
		this.fields = fields;
		this.history = history;
		this.views = views;
		this.kpis = kpis;
		this.events = events;
	}

	/** Replaces the guardrails of an objective in an open cycle (checked by the caller); returns them with their health. */
	List<GuardrailView> replace(Objective existing, Cycle cycle, List<String> kpiKeys) {
		var health = kpis.health(new HashSet<>(kpiKeys));
		var problems = new ArrayList<FieldProblem>();
		var seen = new HashSet<String>();
		for (int i = 0; i < kpiKeys.size(); i++) {
			var key = kpiKeys.get(i);
			if (!seen.add(key)) {
				problems.add(new FieldProblem("[" + i + "]", Quoted.of(key) + " is named twice"));
			}
			else if (!health.containsKey(key)) {
				problems.add(new FieldProblem("[" + i + "]", "no KPI " + Quoted.of(key) + " exists"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var now = views.now();
		var before = fields.of(existing);
		var saved = objectives.save(existing.withGuardrails(
				kpiKeys.stream().map(Objective.Guardrail::new).collect(Collectors.toSet()), now));
		var after = fields.of(saved);
		history.changes(existing.id(), null, before, after, now);
		events.publishEvent(new AuditableChange("objective.guardrails-changed", String.valueOf(existing.id()),
				"Guardrails of objective '" + saved.title() + "': " + (kpiKeys.isEmpty() ? "none" : String.join(", ", kpiKeys)),
				before.get("guardrails"), after.get("guardrails")));
		return kpiKeys.stream().sorted()
			.map(key -> OkrViews.guardrail(key, health.get(key), saved.active() && !cycle.closed()))
			.toList();
	}
}
