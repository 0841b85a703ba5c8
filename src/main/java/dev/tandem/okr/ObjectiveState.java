package dev.tandem.okr;

/** A draft is being written (nothing counts yet); an active objective is pursued and checked in on. */
public enum ObjectiveState {
	DRAFT, ACTIVE
}
