package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A KPI's definition: the aggregate that the definition API reads and writes. */
@Table("kpi")
record Kpi(@Id Long id, @Column("slug") String key, String name, String description, Long teamId, Long ownerId,
		Unit unit, String currency, Double rangeMin, Double rangeMax, String formula, Source source, Frequency frequency, Aggregation aggregation,
		String category, Indicator indicator, Shape shape, @Embedded.Nullable Thresholds thresholds,
		@MappedCollection(idColumn = "kpi_id") Set<Driver> drivers,
		@MappedCollection(idColumn = "kpi_id") Set<PeriodThreshold> thresholdsByPeriod, @Version Long version,
		Instant createdAt, Instant updatedAt) {

	@Table("kpi_driver")
	record Driver(Long driverId) {
	}

	/** The thresholds in force for a period: the latest seasonal entry that starts on or before it, else the KPI's own. */
	Thresholds thresholdsFor(LocalDate periodStart) {
		if (thresholdsByPeriod.isEmpty()) {
			return thresholds;
		}
		return thresholdsByPeriod.stream()
			.filter(entry -> !entry.validFrom().isAfter(periodStart))
			.max(Comparator.comparing(PeriodThreshold::validFrom))
			.map(PeriodThreshold::thresholds)
			.orElse(thresholds);
	}

	/** The values this KPI can take: its own min and max, else its unit's. */
	ValueRange range() {
		return ValueRange.of(unit, rangeMin, rangeMax);
	}

	Kpi withThresholds(Thresholds raised, Instant now) {
		return new Kpi(id, key, name, description, teamId, ownerId, unit, currency, rangeMin, rangeMax, formula, source, frequency,
				aggregation, category, indicator, shape, raised, drivers, thresholdsByPeriod, version, createdAt, now);
	}
}
