package dev.tandem.kpi;

/** How the raw points of one period become the period's value. */
public enum Aggregation {
	LAST, SUM, AVERAGE, MIN, MAX;

	double of(PeriodAggregate period) {
		return switch (this) {
			case LAST -> period.last();
			case SUM -> period.total();
			case AVERAGE -> period.total() / period.count();
			case MIN -> period.min();
			case MAX -> period.max();
		};
	}
}
