package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A KPI as the API and other modules see it: its definition, its version and its health. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiView(long id, String key, String name, String description, String team, String owner, Unit unit,
		String currency, String formula, Source source, Frequency frequency, Aggregation aggregation, String category,
		Indicator indicator, List<String> drivers, Shape shape, Direction direction, Double target, Double warning,
		Double lower, Double upper, Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate,
		List<PeriodThresholdView> thresholdsByPeriod, long version, Instant createdAt, Instant updatedAt,
		KpiHealth health) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PeriodThresholdView(LocalDate from, Direction direction, Double target, Double warning, Double lower,
			Double upper, Double tolerance, Double baseline, LocalDate baselineDate, LocalDate targetDate) {
	}

	/** The level that counts as healthy: a threshold's target, the middle of a band, a trajectory's target. */
	public double healthyLevel() {
		return switch (shape) {
			case THRESHOLD, TRAJECTORY -> target;
			case BAND -> (lower + upper) / 2;
		};
	}
}
