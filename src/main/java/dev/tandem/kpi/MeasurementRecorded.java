package dev.tandem.kpi;

import java.time.Instant;

/**
 * New values were recorded for a KPI (one event per KPI per write, however many points it carried).
 *
 * @param recordedAt when the write was made (just before its commit): the loop times its reaction from here;
 *        null in events stored before it was added
 */
public record MeasurementRecorded(long kpiId, String kpi, int points, Instant latestAt, Instant recordedAt) {
}
