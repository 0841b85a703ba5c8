package dev.tandem.okr;

/** A key result stopped following a KPI: edited to another (or none), or deleted with or without its objective. */
public record KeyResultUnlinked(long keyResultId, long objectiveId, String kpi) {
}
