package dev.tandem.kpi;

/**
 * A range of values and the status health gives a value in it; {@code from} or {@code to} is
 * null where the range is open. Charts draw these as coloured bands behind the series.
 */
public record HealthZone(Double from, Double to, HealthStatus status) {
}
