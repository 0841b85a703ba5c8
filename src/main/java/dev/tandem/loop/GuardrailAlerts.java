package dev.tandem.loop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
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
	private final ApplicationEventPublisher events;

	GuardrailAlerts(GuardrailAlertStore store, Okrs okrs, Kpis kpis, Organisation organisation, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.okrs = okrs;
		this.kpis = kpis;
		this.organisation = organisation;
		this.clock = clock;
	}

	private record Guard(long objectiveId, long kpiId) {
	}

	/**
	 * Whether a change of this KPI's health can raise or clear an alert: it guards an active
	 * objective, or an alert on it is open. Most KPIs guard nothing, and evaluating every
	 * guardrail on each of ten thousand health changes of a bulk import would keep the loop
	 * busy for hours.
	 */
	public boolean concerns(String kpiKey) {
		if (okrs.guardsActiveObjective(kpiKey)) {
			return true;
		}
		var kpi = kpis.namesByKey(List.of(kpiKey)).get(kpiKey);
		return kpi != null && store.anyOpenFor(kpi.id());
	}

	/** Brings the alerts in line with every active objective's guardrails; returns how many were raised. */
	@Transactional
	public int evaluate() {
		var now = clock.instant();
		// only the guardrails' KPIs, not every KPI: this runs on every change of any KPI's health
		var open = store.open().stream()
			.collect(Collectors.toMap(a -> new Guard(a.objectiveId(), a.kpiId()), Function.identity(), (a, b) -> a));
		var guarding = new HashMap<Guard, GuardrailView>();
		var teams = new HashMap<Long, Long>();
		var active = okrs.activeObjectivesWithGuardrails();
		// the guardrails' KPIs' ids in one lookup, not one KPI view each
		var kpiIds = kpis.namesByKey(active.stream().flatMap(o -> o.guardrails().stream().map(g -> g.kpi())).toList());
		for (var objective : active) {
			for (var guardrail : objective.guardrails()) {
				var kpiId = kpiIds.containsKey(guardrail.kpi()) ? kpiIds.get(guardrail.kpi()).id() : null;
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
					events.publishEvent(new GuardrailAlertRaised(entry.getKey().objectiveId(), entry.getKey().kpiId(),
							teams.get(entry.getKey().objectiveId()), health.status(), health.value(), now));
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

	/** How many alerts there are, open ones only or all: what a list's pager and badge count. */
	public long count(boolean openOnly) {
		return store.count(openOnly);
	}

	public List<GuardrailAlertView> list(boolean openOnly, Long objectiveId, int limit, int offset) {
		var alerts = store.list(openOnly, objectiveId, limit, offset);
		if (alerts.isEmpty()) {
			return List.of();
		}
		var kpiKeys = kpis.names(alerts.stream().map(a -> a.kpiId()).toList());
		var teams = organisation.teamIndex();
		// deleted objectives are left out: their alerts show no title
		var titles = okrs.objectiveTitles(alerts.stream().map(a -> a.objectiveId()).toList());
		var views = new ArrayList<GuardrailAlertView>();
		for (var a : alerts) {
			var title = titles.get(a.objectiveId());
			views.add(new GuardrailAlertView(a.id(), a.objectiveId(), title, teams.get(a.teamId()).key(),
					kpiKeys.containsKey(a.kpiId()) ? kpiKeys.get(a.kpiId()).key() : null, a.status(), a.worstStatus(), a.value(),
					a.open(), a.raisedAt(), a.updatedAt(), a.clearedAt(), a.clearedBecause()));
		}
		return views;
	}
}
