/**
 * KPIs as health metrics: their full definitions, the append-only time series of measurements,
 * its roll-up into each KPI's own periods, and the health rules (status, position, expected
 * value, trend) that judge the latest period against the thresholds in force. Its pages (the
 * list, a KPI's page with its chart, the forms) live in {@code kpi.web}; the page's CSV upload
 * goes through {@link dev.tandem.kpi.MeasurementFileImport}, which the ingestion module
 * implements. {@link dev.tandem.kpi.KpiFormat} and the chart records are how every module's
 * pages show a KPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KPIs", allowedDependencies = { "org", "problem", "scheduling", "sheet" })
package dev.tandem.kpi;
