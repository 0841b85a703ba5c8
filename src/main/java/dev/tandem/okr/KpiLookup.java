package dev.tandem.okr;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tandem.kpi.KpiHealth;
import dev.tandem.kpi.KpiView;
import dev.tandem.kpi.Kpis;
import dev.tandem.kpi.ValueRange;

/**
 * The health of the KPIs that key results follow and guardrails watch, read in one call to the
 * KPI module's dashboard query (a fixed handful of statements) rather than one call per KPI. A
 * KPI missing from the answer has been deleted; callers fall back to check-ins.
 */
@Component
class KpiLookup {

	private final Kpis kpis;

	KpiLookup(Kpis kpis) {
		this.kpis = kpis;
	}

	/** The KPI's name, for a message that names it; null when there is no such KPI. */
	String name(String key) {
		return kpis.find(key).map(kpi -> kpi.name()).orElse(null);
	}

	/** The range the KPI's values can take (its own min and max, else its unit's); empty when the KPI has been deleted. */
	Optional<ValueRange> range(String key) {
		return kpis.find(key).map(KpiView::range);
	}

	Map<String, KpiHealth> health(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		return kpis.health(keys);
	}
}
