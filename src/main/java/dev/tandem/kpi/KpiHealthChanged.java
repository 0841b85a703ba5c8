package dev.tandem.kpi;

/** A KPI's status changed, or it crossed into (or out of) a run of worsening periods. */
public record KpiHealthChanged(long kpiId, String kpi, HealthStatus from, HealthStatus to, int worseningPeriods) {
}
