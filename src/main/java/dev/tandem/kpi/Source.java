package dev.tandem.kpi;

/** Where a KPI's values come from. */
public enum Source {
	MANUAL, API, CSV, PULL
}
