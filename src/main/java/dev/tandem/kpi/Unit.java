package dev.tandem.kpi;

/** What a KPI's numbers count. CURRENCY carries an ISO 4217 code beside it. */
public enum Unit {
	COUNT, PERCENT, CURRENCY, DURATION, RATIO, SCORE
}
