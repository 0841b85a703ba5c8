package dev.tandem.okr;

import java.time.Instant;

/** A cycle was closed: its scores are frozen and its KPI-linked key results no longer improve their KPIs. */
public record CycleClosed(long cycleId, String name, Instant closedAt) {
}
