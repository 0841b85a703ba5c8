package dev.tandem.kpi;

/** A KPI as a list of names needs it: its id, its key and its name, without definition or health. */
public record KpiName(long id, String key, String name) {
}
