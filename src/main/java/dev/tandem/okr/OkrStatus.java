package dev.tandem.okr;

/** How an objective or key result stands against the progress the time elapsed would expect. */
public enum OkrStatus {
	ON_TRACK, AT_RISK, OFF_TRACK, NOT_STARTED, CLOSED
}
