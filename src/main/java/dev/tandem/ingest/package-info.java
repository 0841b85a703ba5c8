/**
 * Getting numbers in: bulk measurements for many KPIs as a JSON array or NDJSON, and CSV files
 * for one KPI. Parses and names every bad row (by line or index), then hands the whole batch
 * to the KPI module, which writes all of it or none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingestion", allowedDependencies = { "kpi", "problem" })
package dev.tandem.ingest;
