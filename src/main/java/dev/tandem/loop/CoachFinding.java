package dev.tandem.loop;

/**
 * One thing the coach noticed: which rule, how much it matters, what it is about ({@code subject}
 * for people; {@code subjectType} and {@code subjectId} for links) and, in one line, what to do.
 */
public record CoachFinding(CoachRule rule, Severity severity, String subject, String subjectType, String subjectId,
		String message) {

	public enum Severity {
		INFO, WARNING
	}
}
