/**
 * Scheduled pulls: KPIs that fetch their own values from a SQL database, Prometheus or an HTTP
 * JSON endpoint. Administrators keep the connections (their secrets encrypted with
 * {@code TANDEM_SECRET_KEY}); a PULL KPI's settings are kept here, keyed by KPI id, behind the
 * KPI module's {@link dev.tandem.kpi.KpiPulls}. Every run is recorded; its points go through the
 * KPI API like any other write, and a failing feed makes the KPI STALE with the reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduled pulls", allowedDependencies = { "kpi", "org",
		"problem", "scheduling" })
package dev.tandem.pull;
