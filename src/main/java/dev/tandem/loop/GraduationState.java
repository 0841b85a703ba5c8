package dev.tandem.loop;

/** Where a graduation stands. SUPERSEDED: another graduation of the same KPI was accepted, which settled it. */
public enum GraduationState {
	OPEN, ACCEPTED, DISMISSED, SUPERSEDED
}
