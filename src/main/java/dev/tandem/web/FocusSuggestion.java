package dev.tandem.web;

import java.util.Comparator;
import java.util.List;

import dev.tandem.kpi.HealthStatus;
import dev.tandem.kpi.KpiView;

/**
 * The few unhealthy KPIs the home page suggests fixing first: red before amber, then the
 * longest run of worsening periods. A stand-in until the loop module's focus ranking (distance
 * from healthy, speed, importance) is available to pages; the home page's {@code focus}
 * fragment renders whichever list it is given.
 */
record FocusSuggestion(KpiView kpi, String reason) {

	static final int SHOWN = 3;

	static List<FocusSuggestion> of(List<KpiView> kpis) {
		return kpis.stream()
			.filter(kpi -> kpi.health().status().isUnhealthy())
			.sorted(Comparator.comparing((KpiView kpi) -> kpi.health().status() == HealthStatus.RED ? 0 : 1)
				.thenComparing(kpi -> -kpi.health().worseningPeriods())
				.thenComparing(KpiView::name))
			.limit(SHOWN)
			.map(kpi -> new FocusSuggestion(kpi, reason(kpi)))
			.toList();
	}

	private static String reason(KpiView kpi) {
		var health = kpi.health();
		var text = new StringBuilder(kpi.name()).append(" is ")
			.append(health.status().name().toLowerCase())
			.append(" at ")
			.append(KpiFormat.value(health.value(), kpi));
		text.append(switch (kpi.shape()) {
			case THRESHOLD -> " against a target of " + KpiFormat.value(kpi.target(), kpi);
			case BAND -> " outside its band of " + KpiFormat.number(kpi.lower()) + "–" + KpiFormat.value(kpi.upper(), kpi);
			case TRAJECTORY -> health.expected() == null ? " behind its trajectory"
					: " where " + KpiFormat.value(health.expected(), kpi) + " was expected by now";
		});
		if (health.worseningPeriods() > 0) {
			text.append(", worse ").append(health.worseningPeriods())
				.append(health.worseningPeriods() == 1 ? " period" : " periods").append(" in a row");
		}
		return text.append('.').toString();
	}
}
