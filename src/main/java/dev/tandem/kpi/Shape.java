package dev.tandem.kpi;

/** How health is judged: against a threshold, within a band, or along a trajectory. */
public enum Shape {
	THRESHOLD, BAND, TRAJECTORY
}
