/**
 * KPIs as health metrics: their full definitions, the append-only time series of measurements,
 * its roll-up into each KPI's own periods, and the health rules (status, position, expected
 * value, trend) that judge the latest period against the thresholds in force.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KPIs", allowedDependencies = { "org", "problem", "scheduling" })
package dev.tandem.kpi;
