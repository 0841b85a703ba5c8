package dev.tandem.kpi;

import java.time.Instant;

/**
 * A KPI's status changed, or it crossed into (or out of) a run of worsening periods.
 *
 * @param judgedAt when it was judged, in the write that changed it (a measurement's, or the sweep's): the loop
 *        times its reaction from here; null in events stored before it was added
 */
public record KpiHealthChanged(long kpiId, String kpi, HealthStatus from, HealthStatus to, int worseningPeriods,
		Instant judgedAt) {
}
