package dev.tandem.kpi;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.tandem.org.Slugs;

/**
 * A KPI's full definition as the API takes it, shape fields flat beside the rest. The rules
 * that tie fields together (which fields a shape needs, warning on the right side of target,
 * dates in order) are checked by {@link KpiDefinitionRules}.
 */
public record KpiDefinition(
		@NotBlank @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String key,
		@NotBlank @Size(max = 200) String name,
		@Size(max = 4000) String description,
		@NotBlank String team,
		@NotBlank String owner,
		@NotNull Unit unit,
		@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
		Double min, Double max,
		@Size(max = 2000) String formula,
		@NotNull Source source,
		@NotNull Frequency frequency,
		@NotNull Aggregation aggregation,
		@Size(max = 64) String category,
		@NotNull Indicator indicator,
		@Size(max = 20) List<@NotBlank String> drivers,
		@NotNull Shape shape,
		Direction direction, Double target, Double warning, Double lower, Double upper, Double tolerance,
		Double baseline, LocalDate baselineDate, LocalDate targetDate,
		@Size(max = 120) List<@Valid @NotNull PeriodThresholds> thresholdsByPeriod,
		Long version, @Valid KpiPull pull) {

	/** A definition without pull settings: every source but PULL. */
	public KpiDefinition(String key, String name, String description, String team, String owner, Unit unit,
			String currency, Double min, Double max, String formula, Source source, Frequency frequency,
			Aggregation aggregation, String category, Indicator indicator, List<String> drivers, Shape shape,
			Direction direction, Double target, Double warning, Double lower, Double upper, Double tolerance,
			Double baseline, LocalDate baselineDate, LocalDate targetDate, List<PeriodThresholds> thresholdsByPeriod,
			Long version) {
		this(key, name, description, team, owner, unit, currency, min, max, formula, source, frequency, aggregation,
				category, indicator, drivers, shape, direction, target, warning, lower, upper, tolerance, baseline,
				baselineDate, targetDate, thresholdsByPeriod, version, null);
	}

	/** Thresholds in force from a date on; the same shape fields as the KPI's own. */
	public record PeriodThresholds(@NotNull LocalDate from, Direction direction, Double target, Double warning,
			Double lower, Double upper, Double tolerance, Double baseline, LocalDate baselineDate,
			LocalDate targetDate) {

		Thresholds thresholds() {
			return new Thresholds(direction, target, warning, lower, upper, tolerance, baseline, baselineDate, targetDate);
		}
	}

	Thresholds thresholds() {
		return new Thresholds(direction, target, warning, lower, upper, tolerance, baseline, baselineDate, targetDate);
	}
}
