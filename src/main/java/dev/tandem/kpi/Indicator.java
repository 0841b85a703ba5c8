package dev.tandem.kpi;

/** Leading indicators move first and drive lagging ones. */
public enum Indicator {
	LEADING, LAGGING
}
