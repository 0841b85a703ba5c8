package dev.tandem.kpi;

/** A metric is monitored as a KPI, or under active improvement by a key result, never both at once. */
public enum Mode {
	MONITORED, IMPROVING
}
