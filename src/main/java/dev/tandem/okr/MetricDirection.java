package dev.tandem.okr;

/** Which way a metric key result moves, read from its baseline and target. */
public enum MetricDirection {
	INCREASE, DECREASE
}
