package dev.tandem.loop;

import dev.tandem.kpi.HealthStatus;

/** One unhealthy KPI in the focus ranking, with why it ranks where it does. */
public record FocusItem(int rank, String kpi, String name, String team, HealthStatus status, Double value,
		double distance, int worseningPeriods, double importance, double score, String explanation) {
}
