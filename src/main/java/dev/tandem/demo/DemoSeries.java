package dev.tandem.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import dev.tandem.kpi.NewMeasurement;

/**
 * Generates a KPI's history: one point per step (day, week or month) back from today, the
 * value a function of how many days ago it was, with seeded noise so every start looks alike.
 */
final class DemoSeries {

	private final LocalDate today;
	private final ZoneId zone;
	private final Random random;

	DemoSeries(LocalDate today, ZoneId zone, long seed) {
		this.today = today;
		this.zone = zone;
		this.random = new Random(seed);
	}

	enum Step {
		DAY, WEEK, MONTH
	}

	/**
	 * Points from {@code fromDaysAgo} to {@code toDaysAgo} (inclusive), each the shape's value
	 * for its age in days plus noise of the given size, rounded to {@code decimals}.
	 */
	List<NewMeasurement> series(String kpi, Step step, int fromDaysAgo, int toDaysAgo, DoubleUnaryOperator shape,
			double noise, int decimals) {
		var points = new ArrayList<NewMeasurement>();
		var date = today.minusDays(fromDaysAgo);
		var end = today.minusDays(toDaysAgo);
		while (!date.isAfter(end)) {
			long daysAgo = ChronoUnit.DAYS.between(date, today);
			double value = shape.applyAsDouble(daysAgo) + (random.nextDouble() * 2 - 1) * noise;
			double scale = Math.pow(10, decimals);
			points.add(new NewMeasurement(kpi, at(date), Math.round(value * scale) / scale, null));
			date = switch (step) {
				case DAY -> date.plusDays(1);
				case WEEK -> date.plusWeeks(1);
				case MONTH -> date.plusMonths(1);
			};
		}
		return points;
	}

	/** Nine in the morning, organisation time: when the numbers usually arrive. */
	Instant at(LocalDate date) {
		return date.atTime(9, 0).atZone(zone).toInstant();
	}

	/** A value that moves linearly from {@code then} (at {@code daysAgo}) to {@code now} (today). */
	static DoubleUnaryOperator ramp(double then, double now, double daysAgo) {
		return age -> age >= daysAgo ? then : now + (then - now) * age / daysAgo;
	}
}
