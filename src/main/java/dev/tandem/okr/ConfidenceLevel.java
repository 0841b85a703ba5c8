package dev.tandem.okr;

/** One step of the confidence rubric: what a confidence of {@code level} means. */
public record ConfidenceLevel(int level, String label, String meaning) {
}
