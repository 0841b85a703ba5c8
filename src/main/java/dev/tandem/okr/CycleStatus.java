package dev.tandem.okr;

/** Where a cycle is: before its start, running (until closed, even past its end date), or closed and graded. */
public enum CycleStatus {
	PLANNING, ACTIVE, CLOSED
}
