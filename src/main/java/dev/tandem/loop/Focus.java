package dev.tandem.loop;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.Okrs;

/**
 * The focus ranking over every KPI as it stands now. Only unhealthy KPIs are ranked, so the
 * ranking reads every KPI's health (the lean dashboard query) and the full definitions of just
 * the unhealthy ones.
 */
@Service
@Transactional(readOnly = true)
public class Focus {

	private final Kpis kpis;
	private final Okrs okrs;

	Focus(Kpis kpis, Okrs okrs) {
		this.kpis = kpis;
		this.okrs = okrs;
	}

	/** Unhealthy KPIs, most important first; a KPI guarding an active objective weighs more. */
	public List<FocusItem> ranking() {
		var unhealthy = kpis.health(Optional.empty()).stream()
			.filter(health -> health.status().isUnhealthy())
			.map(KpiHealth::kpi)
			.toList();
		return FocusRanking.rank(kpis.listByKeys(unhealthy), kpis.drives(unhealthy), guardrails());
	}

	/** The ranking of KPIs the caller has loaded already (every KPI, for the ranking to be true). */
	public List<FocusItem> ranking(List<KpiView> all) {
		return FocusRanking.rank(all, guardrails());
	}

	private Set<String> guardrails() {
		return okrs.activeObjectivesWithGuardrails().stream()
			.flatMap(o -> o.guardrails().stream().map(g -> g.kpi()))
			.collect(Collectors.toSet());
	}
}
