package dev.tandem.kpi;

/** The health of a KPI, always computed from its data. */
public enum HealthStatus {
	GREEN, AMBER, RED, NO_DATA, STALE;

	public boolean isUnhealthy() {
		return this == AMBER || this == RED;
	}
}
