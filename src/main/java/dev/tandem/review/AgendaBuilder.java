package dev.tandem.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.loop.GuardrailAlerts;
import dev.tandem.loop.ProposalState;
import dev.tandem.loop.Proposals;
import dev.tandem.org.TeamView;

/**
 * Builds a team's review agenda from the data now. "Changed since the last review" compares each
 * KPI's status with the one the last review kept, and reads the KPIs' definition histories since
 * then (threshold changes, new KPIs); a team's first review looks back one cadence period and
 * takes the status changes the KPI module announced meanwhile.
 */
@Component
class AgendaBuilder {

	private static final Set<String> THRESHOLD_FIELDS = Set.of("target", "warning", "lower", "upper", "tolerance",
			"thresholdsByPeriod", "direction", "shape");

	private final Kpis kpis;
	private final Proposals proposals;
	private final GuardrailAlerts alerts;
	private final KpiStatusChanges statusChanges;

	AgendaBuilder(Kpis kpis, Proposals proposals, GuardrailAlerts alerts, KpiStatusChanges statusChanges) {
		this.kpis = kpis;
		this.proposals = proposals;
		this.alerts = alerts;
		this.statusChanges = statusChanges;
	}

	record Built(Agenda agenda, Map<String, HealthStatus> statuses) {
	}

	/**
	 * @param previous the statuses the team's last review kept, or null for its first review
	 * @param since when the last review was held, or one cadence period ago for the first
	 */
	Built build(TeamView team, Map<String, HealthStatus> previous, Instant since) {
		var teamKpis = kpis.list(team.key());
		var statuses = new LinkedHashMap<String, HealthStatus>();
		var red = new ArrayList<AgendaItem>();
		var amber = new ArrayList<AgendaItem>();
		var stale = new ArrayList<AgendaItem>();
		var worsening = new ArrayList<AgendaItem>();
		var changed = new ArrayList<AgendaItem>();
		var names = new HashMap<String, String>();
		for (var kpi : teamKpis) {
			var health = kpi.health();
			var status = health == null ? HealthStatus.NO_DATA : health.status();
			statuses.put(kpi.key(), status);
			names.put(kpi.key(), kpi.name());
			var value = health == null ? null : health.value();
			switch (status) {
				case RED -> red.add(item(kpi, status, value, null));
				case AMBER -> amber.add(item(kpi, status, value, null));
				case STALE, NO_DATA -> stale.add(item(kpi, status, value,
						health != null && health.staleReason() != null ? health.staleReason()
								: status == HealthStatus.NO_DATA ? "no data yet" : "no fresh data"));
				case GREEN -> {
				}
			}
			if (health != null && health.worseningSignal()) {
				worsening.add(item(kpi, status, value, "worse " + health.worseningPeriods() + " periods running"));
			}
			changed.addAll(changes(kpi, status, value, previous, since));
		}
		if (previous == null) {
			for (var change : statusChanges.since(statuses.keySet(), since)) {
				changed.add(new AgendaItem(change.kpi(), names.get(change.kpi()), change.to(), null,
						"status " + (change.from() == null ? "new" : change.from().name()) + " → " + change.to().name(), null));
			}
		}
		var proposalItems = proposals.list(ProposalState.OPEN, 1000, 0).stream()
			.filter(p -> team.key().equals(p.team()))
			.map(p -> new AgendaItem(p.kpi(), p.kpiName(), statuses.get(p.kpi()), null,
					"proposed: " + p.suggestedObjective(), p.id()))
			.toList();
		var alertItems = alerts.list(true, null, 1000, 0).stream()
			.filter(a -> team.key().equals(a.team()))
			.map(a -> new AgendaItem(a.kpi(), names.getOrDefault(a.kpi(), a.kpi()), a.status(), a.value(),
					"guardrail of “" + a.objective() + "”", a.id()))
			.toList();
		return new Built(new Agenda(red, amber, stale, worsening, changed, proposalItems, alertItems), statuses);
	}

	private List<AgendaItem> changes(KpiView kpi, HealthStatus status, Double value, Map<String, HealthStatus> previous,
			Instant since) {
		var changes = new ArrayList<AgendaItem>();
		if (previous != null) {
			var before = previous.get(kpi.key());
			if (before == null) {
				changes.add(item(kpi, status, value, "new KPI"));
			}
			else if (before != status) {
				changes.add(item(kpi, status, value, "status " + before.name() + " → " + status.name()));
			}
		}
		else if (kpi.createdAt() != null && !kpi.createdAt().isBefore(since)) {
			changes.add(item(kpi, status, value, "new KPI"));
		}
		var thresholdChanges = kpis.history(kpi.key()).stream()
			.filter(change -> THRESHOLD_FIELDS.contains(change.field()) && !change.at().isBefore(since))
			.map(change -> change.field() + " " + (change.from() == null ? "set" : change.from()) + " → " + change.to()
					+ (change.reason() == null ? "" : " (" + change.reason() + ")"))
			.toList();
		if (!thresholdChanges.isEmpty()) {
			changes.add(item(kpi, status, value, "thresholds changed: " + String.join("; ", thresholdChanges)));
		}
		return changes;
	}

	private static AgendaItem item(KpiView kpi, HealthStatus status, Double value, String note) {
		return new AgendaItem(kpi.key(), kpi.name(), status, value, note, null);
	}

	static Instant lookBack(Instant now, ReviewCadence cadence) {
		return now.minus(Duration.ofDays(cadence.days()));
	}
}
