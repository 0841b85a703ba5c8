package dev.tandem.okr;

/** An objective became active: created active, activated from a draft, or carried over into a new cycle. */
public record ObjectiveActivated(long objectiveId, long cycleId, long teamId) {
}
