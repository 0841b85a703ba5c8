package dev.tandem.okr;

/**
 * An objective as a picker names it: its id, title, team (key and name), level and cycle —
 * enough to tell two objectives of the same title apart, without reading key results.
 */
public record ObjectiveName(long id, String title, String team, String teamName, ObjectiveLevel level, long cycleId,
		String cycleName) {
}
