package dev.tandem.loop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.GuardrailView;
import dev.tandem.okr.Okrs;
import dev.tandem.org.Organisation;

/**
 * Guardrail alerts: a KPI attached to an active objective as a guardrail that turns amber or red
 * raises an alert on that objective; it clears when the KPI is healthy again or the objective
 * stops running. Evaluated as a whole (a handful of queries, however many objectives) whenever
 * a KPI's health changes, an objective is activated, a cycle closes, and by the periodic sweep.
 */
@Service
@Transactional(readOnly = true)
public class GuardrailAlerts {

	private final GuardrailAlertStore store;
	private final Okrs okrs;
	private final Kpis kpis;
	private final Organisation organisation;
	private final Clock clock;

	GuardrailAlerts(GuardrailAlertStore store, Okrs okrs, Kpis kpis, Organisation organisation, Clock clock) {
		this.store = store;
		this.okrs = okrs;
		this.kpis = kpis;
		this.organisation = organisation;
		this.clock = clock;
	}

	private record Guard(long objectiveId, long kpiId) {
	}

	/** Brings the alerts in line with every active objective's guardrails; returns how many were raised. */
	@Transactional
	public int evaluate() {
		var now = clock.instant();
		// only the guardrails' KPIs, not every KPI: this runs on every change of any KPI's health
		var kpiIds = new HashMap<String, Long>();
		var open = store.open().stream()
			.collect(Collectors.toMap(a -> new Guard(a.objectiveId(), a.kpiId()), Function.identity(), (a, b) -> a));
		var guarding = new HashMap<Guard, GuardrailView>();
		var teams = new HashMap<Long, Long>();
		for (var objective : okrs.activeObjectivesWithGuardrails()) {
			for (var guardrail : objective.guardrails()) {
				var kpiId = kpiIds.computeIfAbsent(guardrail.kpi(), key -> kpis.find(key).map(KpiView::id).orElse(null));
				if (kpiId != null) {
					guarding.put(new Guard(objective.objectiveId(), kpiId), guardrail);
					teams.put(objective.objectiveId(), objective.teamId());
				}
			}
		}
		int raised = 0;
		for (var entry : guarding.entrySet()) {
			var alert = open.get(entry.getKey());
			var health = entry.getValue();
			var action = GuardrailRules.decide(alert != null, alert == null ? null : alert.status(), true, health.status());
			switch (action) {
				case RAISE -> {
					store.raise(entry.getKey().objectiveId(), entry.getKey().kpiId(), teams.get(entry.getKey().objectiveId()),
							health.status(), health.value(), now);
					raised++;
				}
				case UPDATE -> store.update(alert.id(), health.status(), GuardrailRules.worse(health.status(), alert.worstStatus()),
						health.value(), now);
				case CLEAR -> store.clear(alert.id(), health.status(), health.value(), "the KPI is healthy again", now);
				case NONE -> {
				}
			}
		}
		for (var entry : open.entrySet()) {
			if (!guarding.containsKey(entry.getKey())) {
				var alert = entry.getValue();
				store.clear(alert.id(), alert.status(), alert.value(),
						"the objective is no longer active, or the KPI no longer guards it", now);
			}
		}
		return raised;
	}

	public List<GuardrailAlertView> list(boolean openOnly, Long objectiveId, int limit, int offset) {
		var alerts = store.list(openOnly, objectiveId, limit, offset);
		if (alerts.isEmpty()) {
			return List.of();
		}
		var kpiKeys = kpis.names(alerts.stream().map(a -> a.kpiId()).toList());
		var teams = organisation.teamIndex();
		Map<Long, String> titles = new HashMap<>();
		var views = new ArrayList<GuardrailAlertView>();
		for (var a : alerts) {
			var title = titles.computeIfAbsent(a.objectiveId(), id -> objectiveTitle(id));
			views.add(new GuardrailAlertView(a.id(), a.objectiveId(), title, teams.get(a.teamId()).key(),
					kpiKeys.containsKey(a.kpiId()) ? kpiKeys.get(a.kpiId()).key() : null, a.status(), a.worstStatus(), a.value(), a.open(), a.raisedAt(), a.updatedAt(),
					a.clearedAt(), a.clearedBecause()));
		}
		return views;
	}

	private String objectiveTitle(long id) {
		try {
			return okrs.objective(id).title();
		}
		catch (dev.tandem.problem.NotFoundException deleted) {
			return null;
		}
	}

}
