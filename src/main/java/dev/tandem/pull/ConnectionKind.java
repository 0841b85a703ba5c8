package dev.tandem.pull;

/** What a connection talks to, which decides what a PULL KPI's query means. */
public enum ConnectionKind {
	SQL, PROMETHEUS, HTTP_JSON
}
