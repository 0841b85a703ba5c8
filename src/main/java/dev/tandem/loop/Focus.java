package dev.tandem.loop;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.okr.Okrs;

/**
 * The focus ranking over every KPI as it stands now. Only unhealthy KPIs are ranked, so the
 * ranking judges every KPI's health from a lean read ({@link Kpis#unhealthy()}: the numbers the
 * score needs, no full views) and explains only the page of it that is shown.
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

	/** A page of the ranking, and how many KPIs the whole ranking has. */
	public record Page(List<FocusItem> items, int total) {
	}

	/** Unhealthy KPIs, most important first; a KPI guarding an active objective weighs more. */
	public List<FocusItem> ranking() {
		var scored = scored();
		return FocusRanking.items(scored, 0, scored.size());
	}

	/** The ranking's items {@code offset + 1} to {@code offset + limit} (ranked as in the whole ranking), and its size. */
	public Page ranking(int limit, int offset) {
		var scored = scored();
		return new Page(FocusRanking.items(scored, offset, (int) Math.min((long) offset + limit, scored.size())),
				scored.size());
	}

	/**
	 * As {@link #ranking(int, int)}, among the KPIs of these teams only: what a person's inbox
	 * shows, which reads their teams' KPIs and not the whole organisation's.
	 */
	public Page rankingFor(Collection<Long> teamIds, int limit) {
		var scored = FocusRanking.score(kpis.unhealthy(teamIds), guardrails());
		return new Page(FocusRanking.items(scored, 0, Math.min(limit, scored.size())), scored.size());
	}

	/** The ranking of KPIs the caller has loaded already (every KPI, for the ranking to be true). */
	public List<FocusItem> ranking(List<KpiView> all) {
		return FocusRanking.rank(all, guardrails());
	}

	private List<FocusRanking.Scored> scored() {
		return FocusRanking.score(kpis.unhealthy(), guardrails());
	}

	private Set<String> guardrails() {
		return okrs.activeGuardrailKpis();
	}
}
