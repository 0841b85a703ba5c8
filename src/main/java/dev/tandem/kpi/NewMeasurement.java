package dev.tandem.kpi;

import java.time.Instant;

/** A value for a KPI at an instant, as it arrives from a person, a script or an import. */
public record NewMeasurement(String kpi, Instant at, double value, String note) {
}
