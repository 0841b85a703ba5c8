package dev.tandem.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Rolls points sorted by instant (and, at one instant, in the order recorded) up into periods
	 * of the frequency in the zone, in memory, exactly as {@link MeasurementStore#rollUp} does in
	 * SQL: the last record at an instant stands for it. A period's bounds are worked out once
	 * per period, not once per point.
	 */
	static List<PeriodAggregate> rollUp(List<MeasurementStore.Point> sorted, Frequency frequency, ZoneId zone) {
		var periods = new ArrayList<PeriodAggregate>();
		LocalDate start = null;
		Instant from = null;
		Instant until = null;
		long count = 0;
		double total = 0;
		double min = 0;
		double max = 0;
		Instant lastAt = null;
		double last = 0;
		int size = sorted.size();
		for (int i = 0; i < size; i++) {
			var point = sorted.get(i);
			var at = point.at();
			if (i + 1 < size && sorted.get(i + 1).at().equals(at)) {
				continue;
			}
			double value = point.value();
			if (start == null || at.compareTo(until) >= 0 || at.isBefore(from)) {
				if (start != null) {
					periods.add(new PeriodAggregate(start, count, total, min, max, lastAt, last));
				}
				start = frequency.periodStart(at, zone);
				from = start.atStartOfDay(zone).toInstant();
				until = frequency.nextPeriodStart(start).atStartOfDay(zone).toInstant();
				count = 1;
				total = value;
				min = value;
				max = value;
			}
			else {
				count++;
				total += value;
				min = Math.min(min, value);
				max = Math.max(max, value);
			}
			lastAt = at;
			last = value;
		}
		if (start != null) {
			periods.add(new PeriodAggregate(start, count, total, min, max, lastAt, last));
		}
		return periods;
	}

	public double value(Aggregation aggregation) {
		return aggregation.of(this);
	}
}
