package dev.tandem.kpi;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** Thresholds in force from a date on, for seasonal targets entered once a year. */
@Table("kpi_threshold")
public record PeriodThreshold(LocalDate validFrom, @Embedded.Empty Thresholds thresholds) {
}
