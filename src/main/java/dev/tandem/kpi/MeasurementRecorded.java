package dev.tandem.kpi;

import java.time.Instant;

/** New values were recorded for a KPI (one event per KPI per write, however many points it carried). */
public record MeasurementRecorded(long kpiId, String kpi, int points, Instant latestAt) {
}
