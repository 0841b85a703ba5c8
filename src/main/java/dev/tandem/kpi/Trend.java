package dev.tandem.kpi;

/** How the latest period compares with the one before, with respect to the KPI's direction. */
public enum Trend {
	IMPROVING, FLAT, WORSENING
}
