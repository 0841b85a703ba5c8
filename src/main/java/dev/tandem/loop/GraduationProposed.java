package dev.tandem.loop;

import java.time.Instant;

/** A key result reached its target and the loop proposes to graduate it into a KPI: an editor of {@code teamId} decides it. */
public record GraduationProposed(long keyResultId, long objectiveId, long teamId, String title, Instant at) {
}
