package dev.tandem.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tandem.kpi.Indicator;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Unit;

/**
 * "Which single underperforming KPI, if fixed this quarter, matters most?" Amber and red KPIs
 * ranked by score = distance from healthy (in amber zones) × speed (one quarter more per
 * worsening period, up to four) × importance (lagging outcomes over leading inputs, customer and
 * financial over the rest, KPIs that drive others or guard an objective above those that do not).
 */
final class FocusRanking {

	private FocusRanking() {
	}

	/** Ranks every KPI: how many others each drives is counted from their drivers. */
	static List<FocusItem> rank(List<KpiView> kpis, Set<String> guardrails) {
		var drivenBy = new java.util.HashMap<String, Integer>();
		kpis.forEach(kpi -> kpi.drivers().forEach(driver -> drivenBy.merge(driver, 1, Integer::sum)));
		return rank(kpis, drivenBy, guardrails);
	}

	/**
	 * Ranks these KPIs (healthy ones are left out, so the unhealthy ones alone will do), given
	 * how many KPIs each drives, by key.
	 */
	static List<FocusItem> rank(List<KpiView> kpis, Map<String, Integer> drivenBy, Set<String> guardrails) {
		var byKey = new java.util.HashMap<String, KpiView>();
		kpis.forEach(kpi -> byKey.put(kpi.key(), kpi));
		var scored = new ArrayList<FocusItem>();
		for (var kpi : kpis) {
			var health = kpi.health();
			if (!health.status().isUnhealthy()) {
				continue;
			}
			double distance = KpiSituation.distance(kpi, health);
			double speed = 1 + 0.25 * Math.min(health.worseningPeriods(), 4);
			double importance = importance(kpi, drivenBy.getOrDefault(kpi.key(), 0), guardrails.contains(kpi.key()));
			double score = Math.max(distance, 0.01) * speed * importance;
			scored.add(new FocusItem(0, kpi.key(), kpi.name(), kpi.team(), health.status(), health.value(), distance,
					health.worseningPeriods(), importance, score, null));
		}
		scored.sort(Comparator.comparingDouble(FocusItem::score).reversed().thenComparing(FocusItem::kpi));
		var ranked = new ArrayList<FocusItem>();
		for (int i = 0; i < scored.size(); i++) {
			var item = scored.get(i);
			var kpi = byKey.get(item.kpi());
			ranked.add(new FocusItem(i + 1, item.kpi(), item.name(), item.team(), item.status(), item.value(),
					item.distance(), item.worseningPeriods(), item.importance(), item.score(),
					explain(kpi, item, drivenBy.getOrDefault(kpi.key(), 0), guardrails.contains(kpi.key()))));
		}
		return ranked;
	}

	static double importance(KpiView kpi, int drives, boolean guardrail) {
		double importance = kpi.indicator() == Indicator.LAGGING ? 1.5 : 1.0;
		if ("customer".equalsIgnoreCase(kpi.category()) || "financial".equalsIgnoreCase(kpi.category())) {
			importance *= 1.2;
		}
		importance *= 1 + 0.1 * (kpi.drivers().size() + drives);
		return guardrail ? importance * 1.2 : importance;
	}

	private static String explain(KpiView kpi, FocusItem item, int drives, boolean guardrail) {
		var text = new StringBuilder(kpi.name()).append(" is ").append(item.status().name().toLowerCase(Locale.ROOT));
		if (item.value() != null) {
			text.append(" at ").append(format(item.value(), kpi.unit()));
		}
		text.append(switch (kpi.shape()) {
			case THRESHOLD -> " against a target of " + format(kpi.target(), kpi.unit());
			case BAND -> " outside its band of " + format(kpi.lower(), kpi.unit()) + "–" + format(kpi.upper(), kpi.unit());
			case TRAJECTORY -> " behind its trajectory";
		});
		text.append(String.format(Locale.ROOT, ", %.1f amber zones from healthy", item.distance()));
		if (item.worseningPeriods() > 0) {
			text.append(", worsening ").append(item.worseningPeriods()).append(item.worseningPeriods() == 1 ? " period" : " periods");
		}
		text.append("; ").append(kpi.indicator() == Indicator.LAGGING ? "a lagging outcome" : "a leading input");
		if (drives > 0) {
			text.append(" that drives ").append(drives).append(drives == 1 ? " other KPI" : " other KPIs");
		}
		if (guardrail) {
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
