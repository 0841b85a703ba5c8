package dev.tandem.okr;

import java.time.Instant;

/**
 * A check-in was recorded on a key result. {@code kpi} is the linked KPI's key, if any;
 * {@code reachedTarget} says the key result now stands at or past its target (a milestone: done).
 */
public record CheckInRecorded(long checkInId, long keyResultId, long objectiveId, long cycleId, Instant at,
		Double value, Boolean done, int confidence, String kpi, boolean reachedTarget) {
}
