package dev.tandem.okr;

import dev.tandem.kpi.Unit;

/**
 * The values a metric can take, either end open ({@code null}): forecasts stay inside it. From
 * the KPI's unit where the unit implies one — a percent 0–100, counts, amounts and durations
 * not below 0 — and unbounded otherwise (ratios, scores, key results without a KPI).
 */
record ValueRange(Double min, Double max) {

	static final ValueRange UNBOUNDED = new ValueRange(null, null);

	static ValueRange of(Unit unit) {
		if (unit == null) {
			return UNBOUNDED;
		}
		return switch (unit) {
			case PERCENT -> new ValueRange(0.0, 100.0);
			case COUNT, CURRENCY, DURATION -> new ValueRange(0.0, null);
			case RATIO, SCORE -> UNBOUNDED;
		};
	}

	double clip(double value) {
		double clipped = min != null ? Math.max(min, value) : value;
		return max != null ? Math.min(max, clipped) : clipped;
	}
}
