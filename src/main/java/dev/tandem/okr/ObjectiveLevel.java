package dev.tandem.okr;

/** How high an objective sits: an objective aligns to a parent at its own level or above (line of sight). */
public enum ObjectiveLevel {
	INDIVIDUAL, TEAM, COMPANY;

	boolean mayAlignTo(ObjectiveLevel parent) {
		return parent.ordinal() >= ordinal();
	}
}
