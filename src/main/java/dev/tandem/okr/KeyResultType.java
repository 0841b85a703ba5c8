package dev.tandem.okr;

/** A metric moves from a baseline to a target; a milestone is done or not. */
public enum KeyResultType {
	METRIC, MILESTONE
}
