package dev.tandem.loop;

public enum GraduationState {
	OPEN, ACCEPTED, DISMISSED
}
