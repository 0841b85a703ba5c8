package dev.tandem.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiStanding;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Unit;

/**
 * "Which single underperforming KPI, if fixed this quarter, matters most?" Amber and red KPIs
 * ranked by score = distance from healthy (in amber zones) × speed (one quarter more per
 * worsening period, up to four) × importance (lagging outcomes over leading inputs, customer and
 * financial over the rest, KPIs that drive others or guard an objective above those that do not).
 * <p>
 * Scoring needs only a KPI's {@link KpiStanding}; the items (with their explanations) are built
 * for the page shown, so ranking thousands to show five costs the scores, not five thousand texts.
 */
final class FocusRanking {

	private FocusRanking() {
	}

	/** An unhealthy KPI with its score, before it is given a rank and an explanation. */
	record Scored(KpiStanding kpi, double distance, double importance, double score, boolean guardrail) {
	}

	/** Ranks every KPI read in full: how many others each drives is counted from their drivers. */
	static List<FocusItem> rank(List<KpiView> kpis, Set<String> guardrails) {
		var drivenBy = new HashMap<String, Integer>();
		kpis.forEach(kpi -> kpi.drivers().forEach(driver -> drivenBy.merge(driver, 1, Integer::sum)));
		var standings = kpis.stream().map(kpi -> KpiStanding.of(kpi, drivenBy.getOrDefault(kpi.key(), 0))).toList();
		var scored = score(standings, guardrails);
		return items(scored, 0, scored.size());
	}

	/** The unhealthy ones of these KPIs (healthy ones are left out), most important first, ties by key. */
	static List<Scored> score(List<KpiStanding> kpis, Set<String> guardrails) {
		var scored = new ArrayList<Scored>();
		for (var kpi : kpis) {
			var health = kpi.health();
			if (!health.status().isUnhealthy()) {
				continue;
			}
			double distance = KpiSituation.distance(kpi);
			double speed = 1 + 0.25 * Math.min(health.worseningPeriods(), 4);
			boolean guardrail = guardrails.contains(kpi.key());
			double importance = importance(kpi.indicator(), kpi.category(), kpi.drivers() + kpi.drives(), guardrail);
			double score = Math.max(distance, 0.01) * speed * importance;
			scored.add(new Scored(kpi, distance, importance, score, guardrail));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.kpi().key()));
		return scored;
	}

	/** The items ranked {@code from + 1} to {@code to} of a scored ranking, with their explanations. */
	static List<FocusItem> items(List<Scored> scored, int from, int to) {
		var items = new ArrayList<FocusItem>(Math.max(0, to - from));
		for (int i = Math.max(0, from); i < Math.min(to, scored.size()); i++) {
			var s = scored.get(i);
			var kpi = s.kpi();
			var health = kpi.health();
			items.add(new FocusItem(i + 1, kpi.key(), kpi.name(), kpi.team(), health.status(), health.value(), s.distance(),
					health.worseningPeriods(), s.importance(), s.score(), explain(s)));
		}
		return items;
	}

	static double importance(Indicator indicator, String category, int links, boolean guardrail) {
		double importance = indicator == Indicator.LAGGING ? 1.5 : 1.0;
		if ("customer".equalsIgnoreCase(category) || "financial".equalsIgnoreCase(category)) {
			importance *= 1.2;
		}
		importance *= 1 + 0.1 * links;
		return guardrail ? importance * 1.2 : importance;
	}

	private static String explain(Scored scored) {
		var kpi = scored.kpi();
		var health = kpi.health();
		var text = new StringBuilder(kpi.name()).append(" is ").append(health.status().name().toLowerCase(Locale.ROOT));
		if (health.value() != null) {
			text.append(" at ").append(format(health.value(), kpi.unit()));
		}
		text.append(switch (kpi.shape()) {
			case THRESHOLD -> " against a target of " + format(kpi.target(), kpi.unit());
			case BAND -> " outside its band of " + format(kpi.lower(), kpi.unit()) + "–" + format(kpi.upper(), kpi.unit());
			case TRAJECTORY -> " behind its trajectory";
		});
		text.append(String.format(Locale.ROOT, ", %.1f amber zones from healthy", scored.distance()));
		if (health.worseningPeriods() > 0) {
			text.append(", worsening ").append(health.worseningPeriods()).append(health.worseningPeriods() == 1 ? " period" : " periods");
		}
		text.append("; ").append(kpi.indicator() == Indicator.LAGGING ? "a lagging outcome" : "a leading input");
		if (kpi.drives() > 0) {
			text.append(" that drives ").append(kpi.drives()).append(kpi.drives() == 1 ? " other KPI" : " other KPIs");
		}
		if (scored.guardrail()) {
			text.append(", guarding an active objective");
		}
		return text.append('.').toString();
	}

	static String format(double value, Unit unit) {
		var number = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%,.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
		return unit == Unit.PERCENT ? number + " %" : number;
	}
}
