/**
 * OKRs as time-boxed changes: cycles, objectives aligned company → team → individual (with
 * contributions to other teams' goals), key results that are metrics or milestones and may
 * follow a KPI, weekly check-ins with confidence, scores and statuses against the time elapsed,
 * forecasts for KPI-linked key results, grading, carry-over and the history of every edit.
 * It reads the KPI module's API for linked key results and guardrails, and publishes events
 * ({@link dev.tandem.okr.CheckInRecorded}, {@link dev.tandem.okr.CycleClosed}, …) and a small
 * query facade ({@link dev.tandem.okr.Okrs}) for the loop. Its pages (the alignment tree, an
 * objective's page, the forms, my check-in, the review, the cycles, deletions and their charts)
 * live in {@code okr.web}; what they show of the loop (guardrail alerts, the coach) they ask
 * through {@link dev.tandem.okr.ObjectiveAdvice}, which the loop implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OKRs", allowedDependencies = { "org", "kpi", "problem", "sheet" })
package dev.tandem.okr;
