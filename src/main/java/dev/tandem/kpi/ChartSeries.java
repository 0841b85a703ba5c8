package dev.tandem.kpi;

import java.util.List;

/**
 * A line of a chart of KPI values, as tandem.js draws it from a data-* attribute: the KPI page's
 * history and the OKR pages' forecasts and reviews speak this one vocabulary. {@code kind} is
 * "value" (solid), "expected" (dashed) or "reference" (dotted); a null value is a gap.
 */
public record ChartSeries(String label, List<Double> values, String kind) {
}
