package dev.tandem.okr;

/** A key result was linked to a KPI (created with the link, or edited to it). */
public record KeyResultLinked(long keyResultId, long objectiveId, String kpi) {
}
