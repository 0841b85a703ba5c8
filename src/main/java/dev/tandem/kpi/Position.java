package dev.tandem.kpi;

/** Where a band KPI's value lies relative to its band. */
public enum Position {
	BELOW, WITHIN, ABOVE
}
