package dev.tandem.pull;

/** A PULL KPI's stored settings as a run needs them. */
record PullTarget(long kpiId, long connectionId, String query, String valuePath, String timePath, String schedule,
		int failures, boolean backfilled) {
}
