package dev.tandem.kpi;

/**
 * A band shaded behind a chart of KPI values, as tandem.js draws it: from and to (null where
 * open) and a status in lower case, a health status ("green", "amber", "red") or "window" for a
 * stretch of time such as an OKR cycle.
 */
public record ChartZone(Double from, Double to, String status) {
}
