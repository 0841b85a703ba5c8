package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The roll-up of one period's points: enough to give any aggregation's value without reading
 * the points again, and to merge with later points of the same period.
 */
public record PeriodAggregate(LocalDate start, long count, double total, double min, double max, Instant lastAt,
		double last) {

	static PeriodAggregate of(LocalDate start, Instant at, double value) {
		return new PeriodAggregate(start, 1, value, value, value, at, value);
	}

	/** Adds a point recorded later than every point already here (or at the same instant, replacing nothing). */
	PeriodAggregate plus(Instant at, double value) {
		boolean later = !at.isBefore(lastAt);
		return new PeriodAggregate(start, count + 1, total + value, Math.min(min, value), Math.max(max, value),
				later ? at : lastAt, later ? value : last);
	}

	PeriodAggregate merge(PeriodAggregate other) {
		boolean otherLater = !other.lastAt.isBefore(lastAt);
		return new PeriodAggregate(start, count + other.count, total + other.total, Math.min(min, other.min),
				Math.max(max, other.max), otherLater ? other.lastAt : lastAt, otherLater ? other.last : last);
	}

	public double value(Aggregation aggregation) {
		return aggregation.of(this);
	}
}
