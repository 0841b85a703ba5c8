package dev.tandem.okr;

/** The traffic light of a score: below 0.4 red, 0.4 up to 0.7 yellow, 0.7 and above green. */
public enum ScoreColour {
	RED, YELLOW, GREEN
}
