package dev.tandem.pull;

import dev.tandem.kpi.Frequency;

/** What to fetch: the query in the connection's language, the JSON Pointers and the KPI's frequency. */
record PullSpec(String query, String valuePath, String timePath, Frequency frequency) {
}
