package dev.tandem.okr;

/** Whether a forecast reaches the target: likely (70 % or more), possible, or unlikely (below 30 %). */
public enum Outlook {
	LIKELY, POSSIBLE, UNLIKELY
}
