package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A KPI as the API and other modules see it: its definition, its version and its health. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiView(long id, String key, String name, String description, String team, String owner, Unit unit,
		String currency, Double min, Double max, String formula, Source source, Frequency frequency, Aggregation aggregation, String category,
		Indicator indicator, List<String> drivers, Shape shape, Direction direction, Double target, Double warning,
		Double lower, Double upper, Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate,
		List<PeriodThresholdView> thresholdsByPeriod, long version, Instant createdAt, Instant updatedAt,
		KpiHealth health, KpiPull pull) {

	/** A view without pull settings: every source but PULL. */
	public KpiView(long id, String key, String name, String description, String team, String owner, Unit unit,
			String currency, Double min, Double max, String formula, Source source, Frequency frequency,
			Aggregation aggregation, String category, Indicator indicator, List<String> drivers, Shape shape,
			Direction direction, Double target, Double warning, Double lower, Double upper, Double tolerance,
			Double baseline, LocalDate baselineDate, LocalDate targetDate, List<PeriodThresholdView> thresholdsByPeriod,
			long version, Instant createdAt, Instant updatedAt, KpiHealth health) {
		this(id, key, name, description, team, owner, unit, currency, min, max, formula, source, frequency, aggregation,
				category, indicator, drivers, shape, direction, target, warning, lower, upper, tolerance, baseline,
				baselineDate, targetDate, thresholdsByPeriod, version, createdAt, updatedAt, health, null);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PeriodThresholdView(LocalDate from, Direction direction, Double target, Double warning, Double lower,
			Double upper, Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate) {
	}

	/** The values this KPI can take: its own {@code min} and {@code max} when set, else what its unit implies. */
	public ValueRange range() {
		return ValueRange.of(unit, min, max);
	}

	/** The level that counts as healthy: a threshold's target, the middle of a band, a trajectory's target. */
	public double healthyLevel() {
		return switch (shape) {
			case THRESHOLD, TRAJECTORY -> target;
			case BAND -> (lower + upper) / 2;
		};
	}

	/** The thresholds in force for a period: the latest seasonal entry starting on or before it, else the KPI's own. */
	private Thresholds thresholdsFor(LocalDate periodStart) {
		return thresholdsByPeriod.stream()
			.filter(entry -> !entry.from().isAfter(periodStart))
			.max(java.util.Comparator.comparing(PeriodThresholdView::from))
			.map(p -> new Thresholds(p.direction(), p.target(), p.warning(), p.lower(), p.upper(), p.tolerance(),
					p.baseline(), p.baselineDate(), p.targetDate()))
			.orElseGet(() -> new Thresholds(direction, target, warning, lower, upper, tolerance, baseline, baselineDate,
					targetDate));
	}

	/**
	 * The green, amber and red ranges for a value of the period starting on {@code periodStart}
	 * and measured on {@code day}: the same rules health judges by, for charts to draw.
	 */
	public List<HealthZone> zonesFor(LocalDate periodStart, LocalDate day) {
		return thresholdsFor(periodStart).zones(shape, day);
	}

	/** For a trajectory KPI, the value expected on a day (as health interpolates it); null for other shapes. */
	public Double expectedAt(LocalDate periodStart, LocalDate day) {
		return shape == Shape.TRAJECTORY ? thresholdsFor(periodStart).expectedAt(day) : null;
	}
}
