package dev.tandem.okr;

/** Where a key result's current value comes from. */
public enum ValueSource {
	/** The linked KPI's latest period value. */
	KPI,
	/** The latest check-in. */
	CHECK_IN,
	/** Nothing measured yet: the baseline. */
	BASELINE,
	/** Frozen when the cycle closed. */
	FINAL
}
