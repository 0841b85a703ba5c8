package dev.tandem.loop;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.Okrs;

/** The focus ranking over every KPI as it stands now. */
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
		return ranking(kpis.list(null));
	}

	/** The ranking of KPIs the caller has loaded already (every KPI, for the ranking to be true). */
	public List<FocusItem> ranking(List<KpiView> all) {
		var guardrails = okrs.activeObjectivesWithGuardrails().stream()
			.flatMap(o -> o.guardrails().stream().map(g -> g.kpi()))
			.collect(Collectors.toSet());
		return FocusRanking.rank(all, guardrails);
	}
}
