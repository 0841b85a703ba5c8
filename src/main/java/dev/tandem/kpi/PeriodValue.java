package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;

/** A KPI's value for one of its periods, aggregated as its definition says. */
public record PeriodValue(LocalDate periodStart, double value, long points, Instant lastAt) {
}
