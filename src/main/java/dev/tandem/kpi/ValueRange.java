package dev.tandem.kpi;

/**
 * The values a metric can take, either end open ({@code null}): forecasts stay inside it. A
 * KPI's own {@code min} and {@code max} when either is set (a growth rate in percent may be
 * negative or pass 100), else what its unit implies — a percent 0–100, counts, amounts and
 * durations not below 0 — and unbounded otherwise (ratios, scores, key results without a KPI).
 */
public record ValueRange(Double min, Double max) {

	public static final ValueRange UNBOUNDED = new ValueRange(null, null);

	/** What the unit implies when the definition says nothing. */
	public static ValueRange of(Unit unit) {
		if (unit == null) {
			return UNBOUNDED;
		}
		return switch (unit) {
			case PERCENT -> new ValueRange(0.0, 100.0);
			case COUNT, CURRENCY, DURATION -> new ValueRange(0.0, null);
			case RATIO, SCORE -> UNBOUNDED;
		};
	}

	/**
	 * The range in force: the explicit one when either end is set (the other end then open),
	 * else the unit's. Explicit ends replace the unit's as a pair, so that a percent that may
	 * pass 100 says {@code min} alone.
	 */
	public static ValueRange of(Unit unit, Double min, Double max) {
		return min == null && max == null ? of(unit) : new ValueRange(min, max);
	}

	public double clip(double value) {
		double clipped = min != null ? Math.max(min, value) : value;
		return max != null ? Math.min(max, clipped) : clipped;
	}

	public boolean contains(double value) {
		return (min == null || value >= min) && (max == null || value <= max);
	}

	/** As people read it: "0 to 100", "at least 0", "at most 5", "any value". */
	public String describe() {
		if (min != null && max != null) {
			return KpiFormat.number(min) + " to " + KpiFormat.number(max);
		}
		if (min != null) {
			return "at least " + KpiFormat.number(min);
		}
		return max != null ? "at most " + KpiFormat.number(max) : "any value";
	}
}
