package dev.tandem.okr;

/** A check-in in a cycle's list: the check-in and what it was about. */
public record CycleCheckIn(CheckInView checkIn, long objectiveId, String objective, String keyResult) {
}
